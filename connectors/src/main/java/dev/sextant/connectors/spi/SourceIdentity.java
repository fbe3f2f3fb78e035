package dev.sextant.connectors.spi;

import dev.sextant.acl.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * An account in a source.
 *
 * @param account the {@code account:<source>:<id>} principal documents name
 * @param login   what people call it in the source (a GitHub login), for admins mapping identities
 * @param email   the email the source asserts for it, if any: the framework links the account to it; without one
 *                the account is listed as unmapped until an admin links it
 */
public record SourceIdentity(Principal account, String login, Optional<String> email) {

    public SourceIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(email, "email");
        if (!account.value().startsWith("account:")) {
            throw new IllegalArgumentException("not an account principal: " + account);
        }
    }
}
