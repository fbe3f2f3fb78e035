package dev.sextant.connectors.sync;

import dev.sextant.acl.Acl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version the index stores for a document: the connector's content version and a digest of the ACL, so that
 * the framework can tell a content change from an ACL-only one.
 */
record StoredVersion(String content, String aclDigest) {

    private static final char SEPARATOR = '~';

    static StoredVersion of(String contentVersion, Acl acl) {
        return new StoredVersion(contentVersion, digest(acl));
    }

    /** A version written by something else (an older layout) parses with an empty digest, so it never matches. */
    static StoredVersion parse(String stored) {
        int at = stored.lastIndexOf(SEPARATOR);
        return at < 0 ? new StoredVersion(stored, "") : new StoredVersion(stored.substring(0, at), stored.substring(at + 1));
    }

    boolean sameAcl(Acl acl) {
        return aclDigest.equals(digest(acl));
    }

    String format() {
        return content + SEPARATOR + aclDigest;
    }

    private static String digest(Acl acl) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(acl.format().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
