package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields of a Drive {@code File} this connector reads ({@link #FIELDS} asks for exactly these).
 *
 * @param permissions the file's permissions, absent where Drive leaves them out (shared drive items, files the
 *                    subject cannot share)
 */
record DriveFile(String id, String name, String mimeType, Instant modifiedTime, Optional<String> md5Checksum,
                 Optional<String> headRevisionId, OptionalLong size, String webViewLink, boolean trashed,
                 Optional<String> driveId, boolean ownedByMe, List<String> permissionIds,
                 Optional<List<JsonNode>> permissions) {

    static final String FOLDER = "application/vnd.google-apps.folder";
    static final String SHORTCUT = "application/vnd.google-apps.shortcut";
    static final String PERMISSION_FIELDS = "id,type,role,emailAddress,domain,allowFileDiscovery,deleted,"
            + "expirationTime,permissionDetails";
    static final String FIELDS = "id,name,mimeType,modifiedTime,md5Checksum,headRevisionId,size,webViewLink,"
            + "trashed,driveId,ownedByMe,permissionIds,permissions(" + PERMISSION_FIELDS + ")";

    static DriveFile of(JsonNode f) {
        List<String> ids = new ArrayList<>();
        f.path("permissionIds").forEach(id -> ids.add(id.asText()));
        Optional<List<JsonNode>> permissions = Optional.empty();
        if (f.path("permissions").isArray()) {
            List<JsonNode> list = new ArrayList<>();
            f.get("permissions").forEach(list::add);
            permissions = Optional.of(list);
        }
        return new DriveFile(f.path("id").asText(), f.path("name").asText(""), f.path("mimeType").asText(""),
                f.hasNonNull("modifiedTime") ? Instant.parse(f.get("modifiedTime").asText()) : Instant.EPOCH,
                text(f, "md5Checksum"), text(f, "headRevisionId"),
                f.hasNonNull("size") ? OptionalLong.of(f.get("size").asLong()) : OptionalLong.empty(),
                f.path("webViewLink").asText(""), f.path("trashed").asBoolean(false), text(f, "driveId"),
                f.path("ownedByMe").asBoolean(false), List.copyOf(ids), permissions);
    }

    private static Optional<String> text(JsonNode f, String field) {
        return f.hasNonNull(field) ? Optional.of(f.get(field).asText()) : Optional.empty();
    }

    /** Folders and shortcuts hold no text of their own. */
    boolean isContainer() {
        return mimeType.equals(FOLDER) || mimeType.equals(SHORTCUT);
    }

    /**
     * Whether this connector indexes it: in a shared drive (the subject is a member, or Drive would not show it),
     * or in the subject's own My Drive. Files merely shared with the subject are left to their owners' drives.
     */
    boolean inCorpus() {
        return !trashed && !isContainer() && (driveId.isPresent() || ownedByMe);
    }
}
