package dev.sextant.connectors.gdrive;

import dev.sextant.connectors.spi.SourceCheckException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks a Drive source as a sync would use it, in the order that tells what is wrong: the token exchange (a
 * refused grant usually means domain-wide delegation is missing or lacks scopes), {@code about.get}, a one-item
 * {@code files.list}, and one page of groups when groups are synced.
 */
final class DriveCheck {

    private final AccessTokens tokens;
    private final GoogleApi api;
    private final String driveBase;
    private final Optional<DriveGroups> groups;
    private final List<String> scopes;
    private final String refusalHint;

    /** @param refusalHint what to fix when the token endpoint refuses the grant, for this kind of credential */
    DriveCheck(AccessTokens tokens, GoogleApi api, String driveBase, Optional<DriveGroups> groups, List<String> scopes,
               String refusalHint) {
        this.tokens = tokens;
        this.api = api;
        this.driveBase = driveBase;
        this.groups = groups;
        this.scopes = List.copyOf(scopes);
        this.refusalHint = refusalHint;
    }

    void run() throws SourceCheckException, InterruptedException {
        try {
            tokens.current();
        } catch (TokenExchangeException e) {
            throw new SourceCheckException("Google refused the credentials (" + e.getMessage() + "). " + refusalHint
                    + " Scopes needed: " + String.join(", ", scopes) + ".", e);
        } catch (IOException e) {
            throw unreachable("the token endpoint", e);
        }
        call(GoogleApi.uri(driveBase, "/about", "fields", "user"), "about.get", "drive_base_url " + driveBase);
        call(GoogleApi.uri(driveBase, "/files", "pageSize", "1", "fields", "files(id)"), "files.list",
                "drive_base_url " + driveBase);
        if (groups.isPresent()) {
            try {
                groups.get().probe();
            } catch (GoogleApiException e) {
                throw new SourceCheckException("cannot list Google Groups (" + e.error() + "): the subject must be"
                        + " a Workspace admin and the grant must include " + DriveConnectorFactory.GROUP_SCOPE
                        + " and " + DriveConnectorFactory.MEMBER_SCOPE + "; or set sync_groups to false", e);
            } catch (IOException e) {
                throw unreachable("the Admin SDK", e);
            }
        }
    }

    private void call(URI uri, String what, String base) throws SourceCheckException, InterruptedException {
        try {
            api.json(uri, what);
        } catch (GoogleApiException e) {
            GoogleError error = e.error();
            String message = switch (error.status()) {
                case 401 -> "Drive refused the access token (" + error + ")";
                case 403 -> error.is("insufficientPermissions") || error.message().contains("scope")
                        ? "the token lacks the scope " + DriveConnectorFactory.DRIVE_SCOPE + " (" + error + ")"
                        : "Drive refused " + what + " (" + error + "); is the Drive API enabled for the project?";
                case 404 -> base + " does not look like the Drive API v3: " + what + " answered 404";
                default -> what + " failed: " + error;
            };
            throw new SourceCheckException(message, e);
        } catch (IOException e) {
            throw unreachable(base, e);
        }
    }

    private static SourceCheckException unreachable(String what, IOException e) {
        return new SourceCheckException("cannot reach " + what + ": " + e.getMessage(), e);
    }
}
