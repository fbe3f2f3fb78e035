package dev.sextant.connectors.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the extraction of one file may go, so that no single file can hold up or exhaust a sync.
 *
 * @param timeout             wall-clock time one file's extraction may take; past it the file is skipped
 * @param maxChars            characters of text one file may yield; a file with more is skipped, not truncated,
 *                            so that the index never holds a silently shortened document
 * @param maxCompressionRatio how many times its size a zip-based file (DOCX) may inflate to, and how many
 *                            characters of text per byte of input a parse may write once it has written a
 *                            million (Tika's {@code SecureContentHandler}); more means a zip bomb
 */
public record ExtractionLimits(Duration timeout, int maxChars, long maxCompressionRatio) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** About a thousand pages. */
    public static final int DEFAULT_MAX_CHARS = 5_000_000;
    /** Tika's own default; real office documents stay far below it (XML deflates 5 to 20 times). */
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 100;

    public ExtractionLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("extraction timeout must be positive, was " + timeout);
        }
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        if (maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("maxCompressionRatio must be positive, was " + maxCompressionRatio);
        }
    }

    /** 60 s, 5,000,000 characters and a compression ratio of 100. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_TIMEOUT, DEFAULT_MAX_CHARS, DEFAULT_MAX_COMPRESSION_RATIO);
    }

    public ExtractionLimits withTimeout(Duration newTimeout) {
        return new ExtractionLimits(newTimeout, maxChars, maxCompressionRatio);
    }

    public ExtractionLimits withMaxChars(int newMaxChars) {
        return new ExtractionLimits(timeout, newMaxChars, maxCompressionRatio);
    }

    /** The reason given for a file whose text passes {@link #maxChars}. */
    String tooMuchTextReason() {
        return "too much text: more than " + maxChars + " characters, the limit for one file";
    }
}
