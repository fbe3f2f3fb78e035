package dev.sextant.indexer;

/** The profile tests open indexes with: their vectors are written by hand, their chunks too. */
public final class TestProfile {

    public static final IndexProfile PROFILE = new IndexProfile("test-vectors", "test-chunks");

    private TestProfile() {
    }
}
