package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.acl.AclSyntaxException;
import dev.sextant.connectors.StrictUtf8;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * A file named {@value #FILE_NAME} in a folder, in {@link AclFormat}'s text form (UTF-8), giving who may read
 * the files in that folder and below it. How sidecars combine is {@link AclSidecars}' business.
 */
public final class AclSidecar {

    public static final String FILE_NAME = ".sextant-acl";

    /** Far more than any real list of principals; a larger file is refused rather than read into memory. */
    static final int MAX_BYTES = 1024 * 1024;

    private AclSidecar() {
    }

    /** The sidecar file of a folder, whether or not it exists. */
    public static Path in(Path directory) {
        return directory.resolve(FILE_NAME);
    }

    /** Parses a sidecar's bytes; the exception's message says why it cannot be used. */
    public static Acl parse(byte[] content) throws AclSyntaxException {
        if (content.length > MAX_BYTES) {
            throw new AclSyntaxException("larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StrictUtf8.decode(content);
        } catch (CharacterCodingException e) {
            throw new AclSyntaxException("not valid UTF-8");
        }
        return AclFormat.parse(text);
    }
}
