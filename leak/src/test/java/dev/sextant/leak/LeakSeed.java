package dev.sextant.leak;

import java.security.SecureRandom;

/**
 * The seed of a run: {@code -Dsextant.leak.seed=N} replays a run, otherwise each run draws a new one, so that
 * runs explore different worlds. Every failure message names it.
 */
final class LeakSeed {

    static final String PROPERTY = "sextant.leak.seed";

    private LeakSeed() {
    }

    static long draw() {
        Long given = Long.getLong(PROPERTY);
        return given != null ? given : new SecureRandom().nextLong();
    }

    static String replay(long seed) {
        return "seed " + seed + " (replay with -D" + PROPERTY + "=" + seed + ")";
    }
}
