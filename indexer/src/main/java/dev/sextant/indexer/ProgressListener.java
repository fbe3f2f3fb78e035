package dev.sextant.indexer;

/** Told about a sync's progress after each batch; must return quickly. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = snapshot -> { };

    void onProgress(IndexProgress.Snapshot snapshot);
}
