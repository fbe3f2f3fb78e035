package dev.sextant.answer;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Why a model's request failed, in a few words for a notice: rate limited, timed out, or the endpoint's error. */
final class ModelFailure {

    /** The {@code error.message} of an OpenAI-style error body. */
    private static final Pattern ERROR_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int LONGEST = 200;

    private ModelFailure() {
    }

    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RateLimitException || t instanceof HttpException h && h.statusCode() == 429) {
                return "the endpoint is rate limiting requests (HTTP 429)";
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException) {
                return "the endpoint did not respond in time";
            }
            if (t instanceof HttpException h) {
                return "HTTP " + h.statusCode() + errorMessage(h.getMessage());
            }
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return shorten(message);
    }

    private static String errorMessage(String body) {
        if (body == null) {
            return "";
        }
        Matcher m = ERROR_MESSAGE.matcher(body);
        return ": " + shorten(m.find() ? m.group(1) : body);
    }

    private static String shorten(String text) {
        return text.length() > LONGEST ? text.substring(0, LONGEST) + "…" : text;
    }
}
