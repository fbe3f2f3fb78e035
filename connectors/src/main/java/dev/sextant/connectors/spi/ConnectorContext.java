package dev.sextant.connectors.spi;

import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.SourceHttp;
import java.time.Clock;
import java.util.Objects;

/**
 * What the platform gives a connector: its own HTTP client (retries, rate limits and the source's concurrency cap
 * already applied), the bounded text extraction every file goes through, and a clock.
 *
 * @param extractor    already bounded by {@code limits} (time, characters, compression)
 * @param maxFileBytes files larger than this are skipped with a reason, never downloaded
 */
public record ConnectorContext(SourceHttp http, TextExtractor extractor, ExtractionLimits limits, long maxFileBytes,
                               Clock clock) {

    public ConnectorContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
    }
}
