package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The {@linkplain dev.sextant.connectors.SourceDocument#version() version} of a file's document, computed
 * without opening the file: {@code <mtime millis>:<size>:<first 16 hex digits of SHA-256 of the ACL text>}.
 * It changes when the file is written or its ACL changes.
 */
final class FileFingerprint {

    private static final int ACL_HASH_HEX_DIGITS = 16;

    private FileFingerprint() {
    }

    static String of(Instant modified, long size, Acl acl) {
        return modified.toEpochMilli() + ":" + size + ":" + sha256Hex(acl.format()).substring(0, ACL_HASH_HEX_DIGITS);
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
