package dev.sextant.bench.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** How one request ended: answered 2xx, answered with another status, timed out, or lost its connection. */
public sealed interface Outcome {

    /** The key under which the report counts this outcome's errors; {@code null} for a success. */
    String errorKind();

    /** A 2xx answer. */
    record Ok(int status) implements Outcome {
        public String errorKind() {
            return null;
        }
    }

    /** An answer with a status outside 2xx. */
    record Status(int status) implements Outcome {
        public String errorKind() {
            return "status_" + status;
        }
    }

    /** No answer within the request timeout. */
    record Timeout() implements Outcome {
        public String errorKind() {
            return "timeout";
        }
    }

    /** The connection could not be opened or broke before the answer was complete. */
    record Connection(String detail) implements Outcome {
        public String errorKind() {
            return "connection";
        }
    }

    /** The outcome of an answered request. */
    static Outcome ofStatus(int status) {
        return status >= 200 && status < 300 ? new Ok(status) : new Status(status);
    }

    /** The outcome of a request that failed with {@code e}; a connect timeout is a connection error. */
    static Outcome ofException(IOException e) {
        if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
            return new Timeout();
        }
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
            return new Connection("connect: " + e.getMessage());
        }
        return new Connection(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
