package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who may read a Drive file, as principals: {@code user} → {@code user:<email>}, {@code group} →
 * {@code group:google:<email>}, {@code domain} → {@code domain:<domain>}, {@code anyone} → {@code public}; a
 * {@code domain} or {@code anyone} permission only when {@code allowFileDiscovery} is true (a link-only share lets
 * nobody find the file by searching), and neither deleted accounts nor expired permissions. Every role reads.
 *
 * <p>Drive lists a file's effective permissions, inherited ones (from folders, and from shared-drive membership)
 * included. Where it leaves the list out of a file (shared drive items), the file's {@code permissionIds} are
 * looked up among its shared drive's members, fetched once per drive and pass, and only a file with a permission
 * the drive does not have costs a {@code permissions.list} of its own.
 */
final class DrivePermissions {

    static final String GOOGLE_GROUPS = "google";

    private final GoogleApi api;
    private final String driveBase;
    private final boolean domainAdminAccess;
    private final Clock clock;
    private final Map<String, Map<String, JsonNode>> driveMembers = new HashMap<>();

    DrivePermissions(GoogleApi api, String driveBase, boolean domainAdminAccess, Clock clock) {
        this.api = api;
        this.driveBase = driveBase;
        this.domainAdminAccess = domainAdminAccess;
        this.clock = clock;
    }

    /** Forgets the shared drives' members, so that the next pass reads them again. */
    void forget() {
        driveMembers.clear();
    }

    Acl acl(DriveFile file) throws IOException, InterruptedException {
        if (file.permissions().isPresent()) {
            return acl(file.permissions().get());
        }
        if (file.driveId().isPresent() && !file.permissionIds().isEmpty()) {
            Map<String, JsonNode> members = driveMembers(file.driveId().get());
            if (members.keySet().containsAll(file.permissionIds())) {
                return acl(file.permissionIds().stream().map(members::get).toList());
            }
        }
        return acl(list(file.id(), false).values());
    }

    Acl acl(Iterable<JsonNode> permissions) {
        TreeSet<Principal> readers = new TreeSet<>();
        Instant now = clock.instant();
        for (JsonNode p : permissions) {
            principal(p, now).ifPresent(readers::add);
        }
        return readers.isEmpty() ? Acl.NONE : Acl.of(AclClause.of(readers));
    }

    private static Optional<Principal> principal(JsonNode p, Instant now) {
        if (p.path("deleted").asBoolean(false) || expired(p, now)) {
            return Optional.empty();
        }
        try {
            return switch (p.path("type").asText()) {
                case "user" -> p.hasNonNull("emailAddress")
                        ? Optional.of(Principal.user(p.get("emailAddress").asText())) : Optional.empty();
                case "group" -> p.hasNonNull("emailAddress")
                        ? Optional.of(group(p.get("emailAddress").asText())) : Optional.empty();
                case "domain" -> discoverable(p) && p.hasNonNull("domain")
                        ? Optional.of(Principal.domain(p.get("domain").asText())) : Optional.empty();
                case "anyone" -> discoverable(p) ? Optional.of(Principal.PUBLIC) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Principal group(String email) {
        return Principal.group(GOOGLE_GROUPS, Principal.user(email).email());
    }

    private static boolean discoverable(JsonNode p) {
        return p.path("allowFileDiscovery").asBoolean(false);
    }

    private static boolean expired(JsonNode p, Instant now) {
        if (!p.hasNonNull("expirationTime")) {
            return false;
        }
        try {
            return !Instant.parse(p.get("expirationTime").asText()).isAfter(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private Map<String, JsonNode> driveMembers(String driveId) throws IOException, InterruptedException {
        Map<String, JsonNode> members = driveMembers.get(driveId);
        if (members == null) {
            members = list(driveId, domainAdminAccess);
            driveMembers.put(driveId, members);
        }
        return members;
    }

    /** {@code permissions.list} of a file or shared drive, every page, by permission id. */
    private Map<String, JsonNode> list(String fileId, boolean asAdmin) throws IOException, InterruptedException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        String pageToken = null;
        do {
            JsonNode page = api.json(GoogleApi.uri(driveBase, "/files/" + GoogleApi.segment(fileId) + "/permissions",
                    "supportsAllDrives", "true", "useDomainAdminAccess", asAdmin ? "true" : null,
                    "pageSize", "100", "pageToken", pageToken,
                    "fields", "nextPageToken,permissions(" + DriveFile.PERMISSION_FIELDS + ")"),
                    "permissions.list of " + fileId);
            List<JsonNode> permissions = new ArrayList<>();
            page.path("permissions").forEach(permissions::add);
            permissions.forEach(p -> byId.put(p.path("id").asText(), p));
            pageToken = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return byId;
    }
}
