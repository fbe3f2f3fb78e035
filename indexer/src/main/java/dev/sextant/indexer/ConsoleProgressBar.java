package dev.sextant.indexer;

import java.io.PrintStream;

/**
 * Draws a sync's progress on a terminal: a bar redrawn in place when attached to one, a line every few
 * seconds otherwise (so that logs stay readable).
 */
public final class ConsoleProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long lastLine;

    public ConsoleProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    public static ConsoleProgressBar forStderr() {
        return new ConsoleProgressBar(System.err, System.console() != null);
    }

    @Override
    public synchronized void onProgress(IndexProgress.Snapshot s) {
        boolean finished = s.state() != IndexProgress.State.SYNCING;
        long now = System.nanoTime();
        if (!finished && now - lastLine < (interactive ? REDRAW_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastLine = now;
        if (interactive) {
            out.print("\r" + render(s) + (finished ? System.lineSeparator() : ""));
            out.flush();
        } else {
            out.println(render(s));
        }
    }

    static String render(IndexProgress.Snapshot s) {
        int total = Math.max(s.discovered(), s.processed());
        int filled = total == 0 ? 0 : (int) ((long) WIDTH * s.processed() / total);
        return "indexing %s [%s%s] %d/%d docs, %d unchanged, %d chunks embedded, %d reused, %d skipped".formatted(
                s.connectorId(), "#".repeat(filled), " ".repeat(WIDTH - filled), s.processed(), total,
                s.unchanged(), s.chunksEmbedded(), s.chunksReused(), s.skipped());
    }
}
