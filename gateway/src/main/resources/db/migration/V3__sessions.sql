-- Signed-in browser sessions. The cookie carries a random 256-bit token; only its SHA-256 is stored here.
-- credential_tag fingerprints the password hash at sign-in, so that a password change ends the sessions.
create table login_session (
    token_hash     varchar(64)  primary key,
    username       varchar(100) not null,
    credential_tag varchar(64)  not null,
    created_at     timestamp with time zone not null,
    last_seen_at   timestamp with time zone not null,
    expires_at     timestamp with time zone not null
);

create index login_session_username on login_session (username);
create index login_session_expires_at on login_session (expires_at);
