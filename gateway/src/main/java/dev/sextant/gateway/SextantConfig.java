package dev.sextant.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Sextant's own settings ({@code sextant.*}); the README's configuration reference lists them all. */
@ConfigMapping(prefix = "sextant")
public interface SextantConfig {

    /** Where the index and the embedded database live. */
    @WithDefault("./data")
    Path dataDir();

    Demo demo();

    Fs fs();

    Search search();

    interface Demo {
        /** Index the demo corpus and enable the demo accounts (password {@code demo}). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("demo/corpus")
        Path corpus();
    }

    interface Fs {
        /** Folders indexed by the filesystem connector, beside the demo corpus. */
        Optional<List<Path>> roots();

        /** The ACL of documents no sidecar covers, e.g. {@code public}; without one they are readable by nobody. */
        Optional<String> defaultAcl();

        @WithDefault("20")
        int maxFileMb();
    }

    interface Search {
        /** Candidates each coarse stage (BM25, kNN) returns before fusion. */
        @WithDefault("100")
        int depth();

        @WithDefault("50")
        int maxLimit();

        @WithDefault("60")
        int rrfK();
    }
}
