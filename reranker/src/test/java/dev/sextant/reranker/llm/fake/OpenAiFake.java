package dev.sextant.reranker.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible server for tests: {@code POST /v1/chat/completions} as the published Chat
 * Completions API answers it (non-streamed {@code chat.completion} objects with {@code choices[].message},
 * {@code finish_reason}, {@code usage} and, when the request asks, {@code logprobs}; streamed
 * {@code chat.completion.chunk} events with {@code choices[].delta}, a usage chunk when
 * {@code stream_options.include_usage} is set, and the final {@code data: [DONE]}; error bodies
 * {@code {"error":{"message","type","param","code"}}} with {@code Retry-After} on 429). Each request takes the
 * next scripted {@link Reply}; when the script is used up it answers 500 saying so, unless {@link #always} set a
 * reply for every request.
 *
 * <p>Usage counts are estimates the way OpenAI's guidance puts it, a token per four characters of message
 * content, so that token budgets can be tested without a tokenizer.
 */
public final class OpenAiFake implements AutoCloseable {

    /** One request as received: its path, bearer token (or null) and JSON body. */
    public record Request(String path, String authorization, JsonNode body) {

        /** The concatenated content of the messages with this role, in order. */
        public String content(String role) {
            StringBuilder text = new StringBuilder();
            body.path("messages").forEach(m -> {
                if (role.equals(m.path("role").asText())) {
                    text.append(m.path("content").asText());
                }
            });
            return text.toString();
        }
    }

    /**
     * What the fake answers to one request.
     *
     * @param chunks       the content, in the pieces a stream sends (one piece when not streamed)
     * @param topLogprobs  the alternatives for the first token, most likely first, when the request asks for
     *                     logprobs; empty for none
     * @param status       200, or the HTTP status of an error
     * @param retryAfter   with an error: the {@code Retry-After} header, or null for none
     * @param cut          whether the connection is dropped after the chunks, before {@code finish_reason}
     */
    public record Reply(List<String> chunks, Map<String, Double> topLogprobs, Duration delay, int status,
                        String errorMessage, Duration retryAfter, boolean cut, String finishReason) {

        /** A whole message; streamed, it arrives one word at a time. */
        public static Reply content(String text) {
            return new Reply(words(text), Map.of(), Duration.ZERO, 200, null, null, false, "stop");
        }

        /** A message streamed in exactly these pieces (not streamed, they are joined). */
        public static Reply stream(String... chunks) {
            return new Reply(List.of(chunks), Map.of(), Duration.ZERO, 200, null, null, false, "stop");
        }

        /** A stream that sends these pieces and then drops the connection without a finish or {@code [DONE]}. */
        public static Reply cutAfter(String... chunks) {
            return new Reply(List.of(chunks), Map.of(), Duration.ZERO, 200, null, null, true, null);
        }

        /** An error as OpenAI sends it: 429 rate limit, 500 server error, 400 invalid request, 401... */
        public static Reply error(int status, String message) {
            return new Reply(List.of(), Map.of(), Duration.ZERO, status, message, null, false, null);
        }

        /** 429 with {@code Retry-After} in whole seconds. */
        public static Reply rateLimited(Duration retryAfter) {
            return new Reply(List.of(), Map.of(), Duration.ZERO, 429,
                    "Rate limit reached for requests. Please try again in " + retryAfter.toSeconds() + "s.",
                    retryAfter, false, null);
        }

        /** The same reply, sent only after this delay. */
        public Reply after(Duration wait) {
            return new Reply(chunks, topLogprobs, wait, status, errorMessage, retryAfter, cut, finishReason);
        }

        /** The same reply with these first-token alternatives (token to natural-log probability, best first). */
        public Reply withLogprobs(Map<String, Double> top) {
            return new Reply(chunks, new LinkedHashMap<>(top), delay, status, errorMessage, retryAfter, cut,
                    finishReason);
        }

        /** The same reply with another {@code finish_reason}, e.g. {@code length}. */
        public Reply finishing(String reason) {
            return new Reply(chunks, topLogprobs, delay, status, errorMessage, retryAfter, cut, reason);
        }

        String text() {
            return String.join("", chunks);
        }

        private static List<String> words(String text) {
            List<String> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == ' ') {
                    pieces.add(text.substring(start, i));
                    start = i;
                }
            }
            return pieces.isEmpty() ? List.of("") : pieces;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Reply always;

    private OpenAiFake(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 at a free port. */
    public static OpenAiFake start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OpenAiFake fake = new OpenAiFake(server);
        server.createContext("/", fake::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return fake;
    }

    /** What a client's {@code baseUrl} is set to: ends in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The replies to the next requests, in order; replaces any earlier script and {@link #always} reply. */
    public synchronized OpenAiFake script(Reply... replies) {
        script.clear();
        script.addAll(List.of(replies));
        always = null;
        return this;
    }

    /** One reply for every request from now on. */
    public synchronized OpenAiFake always(Reply reply) {
        script.clear();
        always = reply;
        return this;
    }

    /** The chat completion requests received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized Optional<Reply> next() {
        return Optional.ofNullable(script.isEmpty() ? always : script.poll());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                error(exchange, 404, "Unknown request URL: " + exchange.getRequestURI().getPath(),
                        "invalid_request_error", "unknown_url", null);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                error(exchange, 405, "Only POST is supported", "invalid_request_error", null, null);
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                error(exchange, 400, "We could not parse the JSON body of your request.", "invalid_request_error",
                        null, null);
                return;
            }
            if (body == null || !body.path("model").isTextual() || !body.path("messages").isArray()
                    || body.path("messages").isEmpty()) {
                error(exchange, 400, "'model' and a non-empty 'messages' are required properties",
                        "invalid_request_error", null, null);
                return;
            }
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Optional<Reply> scripted = next();
            if (scripted.isEmpty()) {
                error(exchange, 500, "the fake's script has no reply left for request " + requests.size(),
                        "server_error", null, null);
                return;
            }
            Reply reply = scripted.get();
            sleep(reply.delay());
            if (reply.status() != 200) {
                error(exchange, reply.status(), reply.errorMessage(), type(reply.status()), code(reply.status()),
                        reply.retryAfter());
            } else if (body.path("stream").asBoolean(false)) {
                stream(exchange, body, reply);
            } else {
                complete(exchange, body, reply);
            }
        }
    }

    private void complete(HttpExchange exchange, JsonNode request, Reply reply) throws IOException {
        ObjectNode completion = envelope(request, "chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply.text());
        message.putNull("refusal");
        logprobs(choice, request, reply);
        choice.put("finish_reason", reply.finishReason());
        completion.set("usage", usage(request, reply));
        byte[] bytes = JSON.writeValueAsBytes(completion);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void stream(HttpExchange exchange, JsonNode request, Reply reply) throws IOException {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < reply.chunks().size(); i++) {
            ObjectNode chunk = envelope(request, "chat.completion.chunk");
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            if (i == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", reply.chunks().get(i));
            if (i == 0) {
                logprobs(choice, request, reply);
            } else {
                choice.putNull("logprobs");
            }
            choice.putNull("finish_reason");
            events.add(JSON.writeValueAsString(chunk));
        }
        boolean withUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        if (!reply.cut()) {
            ObjectNode last = envelope(request, "chat.completion.chunk");
            ObjectNode choice = last.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("delta");
            choice.putNull("logprobs");
            choice.put("finish_reason", reply.finishReason());
            events.add(JSON.writeValueAsString(last));
            if (withUsage) {
                ObjectNode usage = envelope(request, "chat.completion.chunk");
                usage.putArray("choices");
                usage.set("usage", usage(request, reply));
                events.add(JSON.writeValueAsString(usage));
            }
            events.add("[DONE]");
        }
        StringBuilder sse = new StringBuilder();
        events.forEach(e -> sse.append("data: ").append(e).append("\n\n"));
        byte[] bytes = sse.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // A cut stream promises more bytes than it sends: the server drops the connection mid-body.
        exchange.sendResponseHeaders(200, reply.cut() ? bytes.length + 4096L : bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes);
        out.flush();
    }

    private static ObjectNode envelope(JsonNode request, String object) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""));
        node.put("object", object);
        node.put("created", System.currentTimeMillis() / 1000);
        node.put("model", request.path("model").asText());
        node.putNull("system_fingerprint");
        return node;
    }

    /** {@code logprobs: {"content":[{"token","logprob","bytes","top_logprobs":[...]}],"refusal":null}}. */
    private static void logprobs(ObjectNode choice, JsonNode request, Reply reply) {
        if (!request.path("logprobs").asBoolean(false) || reply.topLogprobs().isEmpty()) {
            choice.putNull("logprobs");
            return;
        }
        int top = request.path("top_logprobs").asInt(0);
        ObjectNode logprobs = choice.putObject("logprobs");
        ObjectNode first = logprobs.putArray("content").addObject();
        Map.Entry<String, Double> best = reply.topLogprobs().entrySet().iterator().next();
        token(first, best.getKey(), best.getValue());
        ArrayNode alternatives = first.putArray("top_logprobs");
        reply.topLogprobs().entrySet().stream().limit(top)
                .forEach(e -> token(alternatives.addObject(), e.getKey(), e.getValue()));
        logprobs.putNull("refusal");
    }

    private static void token(ObjectNode node, String token, double logprob) {
        node.put("token", token);
        node.put("logprob", logprob);
        ArrayNode bytes = node.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
    }

    private static ObjectNode usage(JsonNode request, Reply reply) {
        int promptChars = 0;
        for (JsonNode message : request.path("messages")) {
            promptChars += message.path("content").asText().length();
        }
        int prompt = (promptChars + 3) / 4;
        int completion = (reply.text().length() + 3) / 4;
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }

    private static void error(HttpExchange exchange, int status, String message, String type, String code,
                              Duration retryAfter) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String type(int status) {
        return switch (status) {
            case 429 -> "requests";
            case 401 -> "invalid_request_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    private static String code(int status) {
        return switch (status) {
            case 429 -> "rate_limit_exceeded";
            case 401 -> "invalid_api_key";
            default -> null;
        };
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
