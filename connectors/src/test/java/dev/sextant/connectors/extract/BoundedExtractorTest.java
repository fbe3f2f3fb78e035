package dev.sextant.connectors.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BoundedExtractorTest {

    private static final ExtractionLimits FAST = ExtractionLimits.defaults().withTimeout(Duration.ofMillis(300)).withMaxChars(50);

    @Test
    void passesTextWithinTheLimitsThrough() throws Exception {
        ExtractedText text = bounded(() -> new ExtractedText("T", "short body")).extract(new byte[0], "a.md");

        assertThat(text).isEqualTo(new ExtractedText("T", "short body"));
    }

    @Test
    void parserThatNeverReturnsIsStoppedAtTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        TextExtractor hanging = bounded(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ExtractedText("T", "late");
        });

        long start = System.nanoTime();
        assertThatThrownBy(() -> hanging.extract(new byte[0], "slow.html"))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("took longer than 300 ms to extract; stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void parserThatIgnoresTheStopIsReportedAsStillRunning() {
        AtomicBoolean release = new AtomicBoolean();
        TextExtractor stubborn = bounded(() -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return new ExtractedText("T", "late");
        });
        try {
            assertThatThrownBy(() -> stubborn.extract(new byte[0], "spin.html"))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessage("took longer than 300 ms to extract; stopped, but the parser ignored the stop and still runs in the background");
        } finally {
            release.set(true);
        }
    }

    @Test
    void errorsFromTheParserBecomeReasons() {
        assertFailsWith(() -> {
            throw new StackOverflowError();
        }, "extractor failed: StackOverflowError");
        assertFailsWith(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "extractor failed: OutOfMemoryError: Java heap space");
        assertFailsWith(() -> {
            throw new NoClassDefFoundError("org/apache/fontbox/ttf/TrueTypeFont");
        }, "extractor failed: NoClassDefFoundError: org/apache/fontbox/ttf/TrueTypeFont");
        assertFailsWith(() -> {
            throw new AssertionError("unexpected state");
        }, "extractor failed: AssertionError: unexpected state");
        assertFailsWith(() -> {
            throw new IllegalStateException("no root element");
        }, "extractor failed: IllegalStateException: no root element");
    }

    @Test
    void extractorsOwnReasonIsKept() {
        TextExtractor binary = new BoundedExtractor(TextExtractor.standard(), FAST);

        assertThatThrownBy(() -> binary.extract(new byte[] {'a', 0}, "a.txt"))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("binary content (NUL byte at offset 1)");
    }

    @Test
    void textPastTheCharacterLimitIsRefused() throws Exception {
        TextExtractor plain = new BoundedExtractor(TextExtractor.standard(), FAST);

        assertThat(plain.extract("x".repeat(50).getBytes(StandardCharsets.UTF_8), "fits.txt").body()).hasSize(50);
        assertThatThrownBy(() -> plain.extract("x".repeat(51).getBytes(StandardCharsets.UTF_8), "long.txt"))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("too much text: more than 50 characters, the limit for one file");
    }

    private static void assertFailsWith(Supplier<ExtractedText> body, String reason) {
        assertThatThrownBy(() -> bounded(body).extract(new byte[0], "x.pdf"))
                .isInstanceOf(ExtractionException.class)
                .hasMessage(reason);
    }

    private static TextExtractor bounded(Supplier<ExtractedText> body) {
        return new BoundedExtractor(new TextExtractor() {
            @Override
            public boolean supports(String fileName) {
                return true;
            }

            @Override
            public ExtractedText extract(byte[] content, String fileName) {
                return body.get();
            }
        }, FAST);
    }
}
