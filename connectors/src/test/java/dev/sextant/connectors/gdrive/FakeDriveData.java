package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fake Google Workspace holds: files (with folders), shared drives, Google Groups and the change log, and
 * the Drive resources rendered from them as the v3 API describes them. A file's permissions are its own plus those
 * inherited from its folders and, in a shared drive, from the drive's members, each with {@code permissionDetails}
 * saying whether it is inherited and from where. Changing a folder's sharing logs a change of the folder only.
 */
public final class FakeDriveData {

    public static final String DOC = "application/vnd.google-apps.document";
    public static final String SHEET = "application/vnd.google-apps.spreadsheet";
    public static final String SLIDES = "application/vnd.google-apps.presentation";
    public static final String FORM = "application/vnd.google-apps.form";
    public static final String FOLDER = "application/vnd.google-apps.folder";

    /** A Drive permission as set on a file or a shared drive. */
    public record Perm(String type, String role, String email, String domain, boolean allowFileDiscovery,
                       Instant expirationTime) {

        public static Perm user(String email, String role) {
            return new Perm("user", role, email, null, false, null);
        }

        public static Perm group(String email, String role) {
            return new Perm("group", role, email, null, false, null);
        }

        public static Perm domain(String domain, boolean allowFileDiscovery) {
            return new Perm("domain", "reader", null, domain, allowFileDiscovery, null);
        }

        public static Perm anyone(boolean allowFileDiscovery) {
            return new Perm("anyone", "reader", null, null, allowFileDiscovery, null);
        }

        public Perm expiring(Instant at) {
            return new Perm(type, role, email, domain, allowFileDiscovery, at);
        }

        String grantee() {
            return switch (type) {
                case "user", "group" -> type + ":" + email;
                case "domain" -> "domain:" + domain + ":" + allowFileDiscovery;
                default -> "anyone:" + allowFileDiscovery;
            };
        }
    }

    /** A file or folder. */
    public static final class File {
        final String id;
        String name;
        final String mimeType;
        final String parent;
        final String driveId;
        byte[] content;
        Instant modified;
        long version = 1;
        long revision = 1;
        boolean trashed;
        final List<Perm> perms = new ArrayList<>();

        File(String id, String name, String mimeType, String parent, String driveId, byte[] content, Instant modified) {
            this.id = id;
            this.name = name;
            this.mimeType = mimeType;
            this.parent = parent;
            this.driveId = driveId;
            this.content = content;
            this.modified = modified;
        }

        boolean isGoogleType() {
            return mimeType.startsWith("application/vnd.google-apps.");
        }
    }

    /** A shared drive and its members. */
    public record Drive(String id, String name, List<Perm> members) {
    }

    /** A Google Group member as the Admin SDK lists it. */
    public record Member(String type, String email, String status) {

        public static Member user(String email) {
            return new Member("USER", email, "ACTIVE");
        }

        public static Member group(String email) {
            return new Member("GROUP", email, "ACTIVE");
        }
    }

    final String subject;
    final String domain;
    final Map<String, File> files = new LinkedHashMap<>();
    final Map<String, Drive> drives = new LinkedHashMap<>();
    final Map<String, List<Member>> groups = new LinkedHashMap<>();
    /** The change log: file ids, in order; a page token is an index into it. */
    final List<String> changes = new ArrayList<>();
    private final Map<String, String> permissionIds = new HashMap<>();
    private final Instant epoch = Instant.parse("2026-11-02T09:00:00Z");
    private long ticks;
    private long ids = 0x1A2B3C;

    FakeDriveData(String subject) {
        this.subject = subject;
        this.domain = subject.substring(subject.indexOf('@') + 1);
    }

    public synchronized String addDrive(String name, Perm... members) {
        String id = "0A" + nextId() + "Uk9PVA";
        drives.put(id, new Drive(id, name, new ArrayList<>(List.of(members))));
        return id;
    }

    public synchronized void addDriveMember(String driveId, Perm member) {
        drives.get(driveId).members().add(member);
    }

    public synchronized String addFolder(String name, String parent, String driveId, Perm... perms) {
        return add(name, FOLDER, new byte[0], parent, driveId, perms);
    }

    /** A file in My Drive (owned by the subject) or, with a drive id, in that shared drive. */
    public synchronized String addFile(String name, String mimeType, String text, String parent, String driveId,
                                       Perm... perms) {
        return add(name, mimeType, text.getBytes(StandardCharsets.UTF_8), parent, driveId, perms);
    }

    public synchronized String addBinary(String name, String mimeType, byte[] content, String parent, String driveId,
                                         Perm... perms) {
        return add(name, mimeType, content, parent, driveId, perms);
    }

    private String add(String name, String mimeType, byte[] content, String parent, String driveId, Perm[] perms) {
        String id = "1" + nextId() + "xYz";
        File file = new File(id, name, mimeType, parent, driveId, content, tick());
        if (driveId == null) {
            file.perms.add(Perm.user(subject, "owner"));
        }
        file.perms.addAll(List.of(perms));
        files.put(id, file);
        changes.add(id);
        return id;
    }

    public synchronized void edit(String id, String text) {
        File f = files.get(id);
        f.content = text.getBytes(StandardCharsets.UTF_8);
        f.modified = tick();
        f.version++;
        f.revision++;
        changes.add(id);
    }

    /** Sharing: a new version of the file, its content and modifiedTime as they were. */
    public synchronized void setPermissions(String id, Perm... perms) {
        File f = files.get(id);
        f.perms.clear();
        if (f.driveId == null) {
            f.perms.add(Perm.user(subject, "owner"));
        }
        f.perms.addAll(List.of(perms));
        f.version++;
        changes.add(id);
    }

    public synchronized void share(String id, Perm perm) {
        File f = files.get(id);
        f.perms.add(perm);
        f.version++;
        changes.add(id);
    }

    public synchronized void unshare(String id, String email) {
        File f = files.get(id);
        f.perms.removeIf(p -> email.equals(p.email()));
        f.version++;
        changes.add(id);
    }

    public synchronized void trash(String id) {
        File f = files.get(id);
        f.trashed = true;
        f.version++;
        changes.add(id);
    }

    /** Deleted for good (not trashed): the change feed says {@code removed}. */
    public synchronized void delete(String id) {
        files.remove(id);
        changes.add(id);
    }

    public synchronized void group(String email, Member... members) {
        groups.put(email, new ArrayList<>(List.of(members)));
    }

    public synchronized void removeMember(String group, String email) {
        groups.get(group).removeIf(m -> m.email().equals(email));
    }

    private Instant tick() {
        return epoch.plusSeconds(ticks++);
    }

    private String nextId() {
        return Long.toString(ids++, 36);
    }

    boolean visible(File f) {
        return f.driveId == null ? true : drives.containsKey(f.driveId) && member(drives.get(f.driveId));
    }

    boolean member(Drive drive) {
        return drive.members().stream().anyMatch(p -> p.type().equals("user") && subject.equals(p.email()));
    }

    /** The permissions in effect on a file: its own, its folders', its shared drive's members', first one wins. */
    ArrayNode permissions(File f) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        boolean shared = f.driveId != null;
        for (File at = f; at != null; at = at.parent == null ? null : files.get(at.parent)) {
            for (Perm p : at.perms) {
                byId.putIfAbsent(permissionId(p), permission(p, shared, "file", at == f ? null : at.id));
            }
        }
        if (shared && drives.containsKey(f.driveId)) {
            for (Perm p : drives.get(f.driveId).members()) {
                byId.putIfAbsent(permissionId(p), permission(p, true, "member", f.driveId));
            }
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        byId.values().forEach(all::add);
        return all;
    }

    ArrayNode driveMembers(Drive drive) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        drive.members().forEach(p -> all.add(permission(p, true, "member", null)));
        return all;
    }

    private ObjectNode permission(Perm p, boolean shared, String kind, String inheritedFrom) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("kind", "drive#permission")
                .put("id", permissionId(p)).put("type", p.type()).put("role", p.role());
        if (p.email() != null) {
            n.put("emailAddress", p.email()).put("displayName", p.email().substring(0, p.email().indexOf('@')));
        }
        if (p.domain() != null) {
            n.put("domain", p.domain());
        }
        if (p.type().equals("domain") || p.type().equals("anyone")) {
            n.put("allowFileDiscovery", p.allowFileDiscovery());
        }
        if (p.expirationTime() != null) {
            n.put("expirationTime", p.expirationTime().toString());
        }
        n.put("deleted", false);
        if (shared) {
            ObjectNode detail = n.putArray("permissionDetails").addObject().put("permissionType", kind)
                    .put("role", p.role()).put("inherited", inheritedFrom != null);
            if (inheritedFrom != null) {
                detail.put("inheritedFrom", inheritedFrom);
            }
        }
        return n;
    }

    private String permissionId(Perm p) {
        return permissionIds.computeIfAbsent(p.grantee(), g -> p.type().equals("anyone")
                ? (p.allowFileDiscovery() ? "anyone" : "anyoneWithLink")
                : String.format("%020d", 4_417_000_000L + permissionIds.size()));
    }

    /** The full File resource; {@code fields} narrows it. */
    ObjectNode json(File f) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("kind", "drive#file").put("id", f.id)
                .put("name", f.name).put("mimeType", f.mimeType);
        n.putArray("parents").add(f.parent != null ? f.parent : f.driveId != null ? f.driveId : "0AMyDriveRoot");
        n.put("trashed", f.trashed).put("explicitlyTrashed", f.trashed);
        n.put("version", Long.toString(f.version)).put("modifiedTime", f.modified.toString())
                .put("createdTime", epoch.toString());
        n.put("webViewLink", webViewLink(f));
        if (!f.isGoogleType()) {
            n.put("size", Long.toString(f.content.length)).put("md5Checksum", md5(f.content))
                    .put("headRevisionId", "0B" + f.id + "rev" + f.revision);
        } else if (!f.mimeType.equals(FOLDER)) {
            n.put("size", Long.toString(f.content.length));
        }
        ArrayNode permissions = permissions(f);
        ArrayNode ids = n.putArray("permissionIds");
        permissions.forEach(p -> ids.add(p.get("id").asText()));
        if (f.driveId != null) {
            n.put("driveId", f.driveId);
        } else {
            n.put("ownedByMe", true);
            n.set("permissions", permissions);
        }
        return n;
    }

    private static String webViewLink(File f) {
        return switch (f.mimeType) {
            case DOC -> "https://docs.google.com/document/d/" + f.id + "/edit?usp=drivesdk";
            case SHEET -> "https://docs.google.com/spreadsheets/d/" + f.id + "/edit?usp=drivesdk";
            case SLIDES -> "https://docs.google.com/presentation/d/" + f.id + "/edit?usp=drivesdk";
            case FOLDER -> "https://drive.google.com/drive/folders/" + f.id;
            default -> "https://drive.google.com/file/d/" + f.id + "/view?usp=drivesdk";
        };
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Users of the domain (who may be a JWT's {@code sub}). */
    synchronized Set<String> users() {
        Set<String> users = new LinkedHashSet<>();
        users.add(subject);
        files.values().forEach(f -> f.perms.stream().filter(p -> "user".equals(p.type())).map(Perm::email)
                .filter(e -> e.endsWith("@" + domain)).forEach(users::add));
        return users;
    }
}
