package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.acl.AclSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file named {@value #FILE_NAME} in a folder, in {@link AclFormat}'s text form, giving who may read the
 * files in that folder and below it. How sidecars combine is {@link AclSidecars}' business.
 */
public final class AclSidecar {

    public static final String FILE_NAME = ".sextant-acl";

    private AclSidecar() {
    }

    /** The sidecar file of a folder, whether or not it exists. */
    public static Path in(Path directory) {
        return directory.resolve(FILE_NAME);
    }

    /** Reads and parses a sidecar; the exception's message says why it cannot be used. */
    public static Acl read(Path sidecar) throws IOException, AclSyntaxException {
        return AclFormat.parse(Files.readString(sidecar, StandardCharsets.UTF_8));
    }
}
