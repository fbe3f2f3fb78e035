package dev.sextant.connectors.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a set of folders to index as separate sources. Two roots where one is, or lies inside, the other
 * would index the files they share twice, under two ids and possibly two default ACLs, so they are refused.
 */
public final class FilesystemRoots {

    private FilesystemRoots() {
    }

    /**
     * Throws unless no root equals or contains another. Roots are compared by their real paths (symbolic links
     * resolved), so a link to a folder counts as that folder.
     *
     * A root that cannot be resolved (it does not exist yet, say) is compared as written, normalised; its
     * sync will report it.
     *
     * @throws IllegalArgumentException naming both roots when one equals or contains the other
     */
    public static void requireDisjoint(List<Path> roots) {
        List<Path> real = new ArrayList<>(roots.size());
        for (Path root : roots) {
            real.add(realPath(root));
        }
        for (int i = 0; i < roots.size(); i++) {
            for (int j = i + 1; j < roots.size(); j++) {
                Path a = real.get(i);
                Path b = real.get(j);
                if (a.equals(b)) {
                    throw new IllegalArgumentException(describe(roots.get(i), a) + " and " + describe(roots.get(j), b)
                            + " are the same folder; give each folder once");
                }
                if (b.startsWith(a)) {
                    throw inside(roots.get(j), b, roots.get(i), a);
                }
                if (a.startsWith(b)) {
                    throw inside(roots.get(i), a, roots.get(j), b);
                }
            }
        }
    }

    private static IllegalArgumentException inside(Path inner, Path innerReal, Path outer, Path outerReal) {
        return new IllegalArgumentException(describe(inner, innerReal) + " lies inside " + describe(outer, outerReal)
                + "; its files would be indexed twice, so give only the outer folder");
    }

    /** The real path; for a root that cannot be resolved (missing, say), which its sync reports, the normalised one. */
    private static Path realPath(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** {@code "filesystem root /a"}, with its real path where a link made that differ. */
    private static String describe(Path given, Path real) {
        Path absolute = given.toAbsolutePath().normalize();
        return "filesystem root " + absolute + (absolute.equals(real) ? "" : " (really " + real + ")");
    }
}
