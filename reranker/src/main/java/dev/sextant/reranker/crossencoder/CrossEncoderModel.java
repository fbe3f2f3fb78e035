package dev.sextant.reranker.crossencoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A cross-encoder exported to ONNX with its HuggingFace tokenizer: scores query and passage pairs, a batch
 * per session run. Safe for concurrent use; {@link #close()} waits for the runs in progress.
 */
final class CrossEncoderModel implements AutoCloseable {

    static final String MODEL_FILE = "model.onnx";
    static final String TOKENIZER_FILE = "tokenizer.json";

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LOGITS = "logits";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;
    private final String output;
    private final CrossEncoderOptions options;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private CrossEncoderModel(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer,
                              String output, CrossEncoderOptions options) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTypeIds = session.getInputNames().contains(TOKEN_TYPE_IDS);
        this.output = output;
        this.options = options;
    }

    /** @throws IOException when a file is missing or unreadable, or the model is not a cross-encoder's */
    static CrossEncoderModel load(Path dir, CrossEncoderOptions options) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String file : List.of(MODEL_FILE, TOKENIZER_FILE)) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("the cross-encoder directory " + dir + " has no " + String.join(" and no ", missing));
        }
        HuggingFaceTokenizer tokenizer = tokenizer(dir.resolve(TOKENIZER_FILE), options);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setIntraOpNumThreads(options.threads());
            sessionOptions.setInterOpNumThreads(1);
            session = env.createSession(dir.resolve(MODEL_FILE).toString(), sessionOptions);
            return new CrossEncoderModel(env, session, tokenizer, outputOf(dir, session), options);
        } catch (OrtException | IOException e) {
            tokenizer.close();
            closeQuietly(session);
            throw e instanceof IOException io ? io
                    : new IOException("cannot load the model " + dir.resolve(MODEL_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Pairs are cut to {@code maxTokens} in the passage only and never padded, whatever the file says. */
    private static HuggingFaceTokenizer tokenizer(Path file, CrossEncoderOptions options) throws IOException {
        try {
            return HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optAddSpecialTokens(true)
                    .optTruncateSecondOnly()
                    .optMaxLength(options.maxTokens())
                    .optPadding(false)
                    .build();
        } catch (RuntimeException e) {
            throw new IOException("cannot read the tokenizer " + file + ": " + e.getMessage(), e);
        }
    }

    /** The logits output; checks that the model reads the inputs a cross-encoder is given. */
    private static String outputOf(Path dir, OrtSession session) throws IOException {
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new IOException("the model in " + dir + " takes " + inputs + "; a cross-encoder takes "
                    + INPUT_IDS + ", " + ATTENTION_MASK + " and optionally " + TOKEN_TYPE_IDS);
        }
        Set<String> outputs = session.getOutputNames();
        if (outputs.contains(LOGITS)) {
            return LOGITS;
        }
        if (outputs.size() == 1) {
            return outputs.iterator().next();
        }
        throw new IOException("the model in " + dir + " has the outputs " + outputs + " and none named " + LOGITS);
    }

    /**
     * The relevance logit of each passage to the query, in order.
     *
     * @throws InterruptedException when the thread is interrupted between batches (the cascade's budget ran out)
     */
    float[] score(String query, List<String> passages) throws OrtException, InterruptedException {
        float[] scores = new float[passages.size()];
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the cross-encoder is closed");
            }
            for (int from = 0; from < passages.size(); from += options.batchSize()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("cross-encoder scoring interrupted after " + from + " passages");
                }
                List<String> batch = passages.subList(from, Math.min(passages.size(), from + options.batchSize()));
                System.arraycopy(scoreBatch(query, batch), 0, scores, from, batch.size());
            }
        } finally {
            lock.readLock().unlock();
        }
        return scores;
    }

    private float[] scoreBatch(String query, List<String> passages) throws OrtException {
        Encoding[] encodings = new Encoding[passages.size()];
        int length = 0;
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = encode(query, passages.get(i));
            length = Math.max(length, encodings[i].getIds().length);
        }
        int rows = encodings.length;
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] typeIds = new long[rows * length];
        for (int i = 0; i < rows; i++) {
            long[] row = encodings[i].getIds();
            System.arraycopy(row, 0, ids, i * length, row.length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, row.length);
            System.arraycopy(encodings[i].getTypeIds(), 0, typeIds, i * length, row.length);
        }
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(typeIds), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                return logits(result.get(0), rows);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** One pair as the model reads it: the passage cut to fit, the query whole. */
    Encoding encode(String query, String passage) {
        try {
            return tokenizer.encode(query, passage);
        } catch (RuntimeException e) {
            // the tokenizer refuses a pair whose query alone does not fit, since only the passage may be cut
            throw new IllegalArgumentException("the query does not fit the cross-encoder's " + options.maxTokens()
                    + " tokens with any of the passage (" + e.getMessage() + ")", e);
        }
    }

    /** One logit per pair, or the positive class's of two; row {@code i} is pair {@code i}. */
    private float[] logits(OnnxValue value, int rows) throws OrtException {
        if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new IllegalStateException("the cross-encoder's output '" + output + "' is " + value.getInfo()
                    + ", not a float tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        int perRow = shape.length == 1 ? 1 : shape.length == 2 ? (int) shape[1] : -1;
        if (shape[0] != rows || (perRow != 1 && perRow != 2)) {
            throw new IllegalStateException("the cross-encoder's output '" + output + "' has the shape "
                    + Arrays.toString(shape) + " for " + rows + " pairs; expected one or two logits per pair");
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] logits = new float[rows];
        for (int i = 0; i < rows; i++) {
            logits[i] = buffer.get(i * perRow + perRow - 1);
        }
        return logits;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly(session);
                tokenizer.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // nothing left to release
            }
        }
    }
}
