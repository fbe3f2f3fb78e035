package dev.sextant.connectors.http;

import java.time.Duration;

/** Waits; tests replace it to keep back-offs instant. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
