package dev.sextant.gateway.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Where the key of the {@link SecretBox} comes from: {@code sextant.secrets.key} (base64 of 32 bytes) when set,
 * otherwise the file {@code secrets.key} in the data folder, created owner-only ({@code rw-------}) with a random
 * key on first start. Losing the key loses the stored credentials, not the sources: they are entered again.
 */
public final class SecretKeys {

    public static final String FILE_NAME = "secrets.key";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            PosixFilePermissions.fromString("rw-------");

    private SecretKeys() {
    }

    public static SecretBox load(Optional<String> configured, Path dataFolder) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return new SecretBox(decode(configured.get(), "sextant.secrets.key"), "sextant.secrets.key");
        }
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new SecretBox(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()),
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] decode(String base64, String origin) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secrets key from " + origin + " is not base64 (expected 32 "
                    + "random bytes in base64, e.g. openssl rand -base64 32)", e);
        }
    }
}
