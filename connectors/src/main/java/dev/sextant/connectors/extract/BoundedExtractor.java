package dev.sextant.connectors.extract;

import dev.sextant.connectors.Failures;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs another extractor within {@link ExtractionLimits}: each file on a worker thread, given up after
 * the {@linkplain ExtractionLimits#timeout() timeout}, refused when its text passes
 * {@linkplain ExtractionLimits#maxChars() the character limit}, and with any exception or {@link Error} the
 * extractor throws ({@link StackOverflowError}, {@link OutOfMemoryError}, {@link LinkageError} from a parser)
 * turned into an {@link ExtractionException} that names it. The caller's thread never runs parser code, so
 * a failure there cannot take the caller down.
 *
 * <p>Workers are daemon threads, kept for a minute between files. A parser that has run out of time is
 * interrupted; Java cannot stop a thread that ignores that, so such a parse keeps its thread until it returns
 * on its own (the skip reason then says so) and the next file gets another thread.
 */
public final class BoundedExtractor implements TextExtractor {

    private static final long STOP_GRACE_MILLIS = 1_000;

    private final TextExtractor delegate;
    private final ExtractionLimits limits;
    private final ExecutorService workers = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("sextant-extract-", 1).factory());

    public BoundedExtractor(TextExtractor delegate, ExtractionLimits limits) {
        this.delegate = delegate;
        this.limits = limits;
    }

    @Override
    public boolean supports(String fileName) {
        return delegate.supports(fileName);
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
        CountDownLatch finished = new CountDownLatch(1);
        Future<ExtractedText> task = workers.submit(() -> {
            try {
                return delegate.extract(content, fileName);
            } finally {
                finished.countDown();
            }
        });
        ExtractedText text;
        try {
            text = task.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ExtractionException("took longer than " + timeoutText() + " to extract; stopped"
                    + (stopped(finished) ? "" : ", but the parser ignored the stop and still runs in the background"));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException("extraction interrupted: the sync is being cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException reason) {
                throw reason;
            }
            throw new ExtractionException("extractor failed: " + Failures.describe(cause), cause);
        }
        if (text.body().length() > limits.maxChars()) {
            throw new ExtractionException(limits.tooMuchTextReason());
        }
        return text;
    }

    private static boolean stopped(CountDownLatch finished) {
        try {
            return finished.await(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String timeoutText() {
        long millis = limits.timeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
