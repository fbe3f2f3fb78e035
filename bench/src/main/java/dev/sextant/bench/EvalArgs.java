package dev.sextant.bench;

import dev.sextant.opensearch.OpenSearchSettings;
import dev.sextant.reranker.SearchSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The evaluation command's options.
 *
 * @param maxDocs index only the first N corpus lines ({@link Integer#MAX_VALUE} = all); figures are then
 *                for a truncated corpus and not comparable with published ones
 * @param search  the production {@link SearchSettings#DEFAULTS} with the overrides asked for; its depth must
 *                exceed 100 for Recall@100 to see 100 documents, since several chunks of one document collapse
 * @param opensearch where the searches run with {@code --backend opensearch}; null for the embedded Lucene index
 */
record EvalArgs(Path dataset, List<EvalMode> modes, Path out, String split, Path cache, int maxDocs,
                SearchSettings search, int warmup, CascadeArgs cascade, OpenSearchSettings opensearch) {

    static final String USAGE = """
            Usage: ./sextant eval --dataset DIR --out REPORT.json [options]
              --dataset DIR     a BEIR folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv
              --out FILE        where to write the JSON report
              --modes LIST      comma-separated, of bm25, dense, hybrid, cascade (default: bm25,dense,hybrid)
              --split NAME      test or train: which qrels file picks the queries (default: test)
              --cache DIR       where built indexes are kept, by key (default: data/eval-cache)
              --max-docs N      index only the first N documents of corpus.jsonl (plumbing checks;
                                the figures are then not comparable with published ones)
              --depth N         chunk hits per retriever per query (default: the production setting, 300)
              --dense-floor X   least cosine similarity of a kNN-only hit (default: the production setting)
              --warmup N        untimed queries before timing each mode (default: 50)
              --backend B       lucene (default) or opensearch: the cached Lucene index's chunks and vectors
                                are copied into the cluster once (index prefix sextant-eval), then searched there
              --opensearch-url U  with --backend opensearch: the cluster, e.g. http://127.0.0.1:9200 (required)
              --llm-base-url U  cascade: the OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (required)
              --llm-model NAME  cascade: the model it serves (required)
              --llm-api-key K   cascade: bearer token, if the endpoint wants one
              --llm-mode M      cascade: listwise or pointwise (default: listwise)
              --cross-encoder DIR  cascade: a cross-encoder folder (model.onnx, tokenizer.json) before the LLM
            Exit status: 0 done, 1 failed while running, 2 bad arguments or dataset.""";

    static final int DEFAULT_WARMUP = 50;

    static EvalArgs parse(String[] args) {
        Path dataset = null;
        Path out = null;
        String modes = "bm25,dense,hybrid";
        String split = "test";
        Path cache = Path.of("data", "eval-cache");
        int maxDocs = Integer.MAX_VALUE;
        SearchSettings search = SearchSettings.DEFAULTS;
        int warmup = DEFAULT_WARMUP;
        String llmBaseUrl = null;
        String llmModel = null;
        String llmApiKey = null;
        String llmMode = "listwise";
        Path crossEncoder = null;
        String backend = "lucene";
        String opensearchUrl = null;
        Flags flags = new Flags(args);
        while (flags.next()) {
            String flag = flags.flag();
            String value = flags.value();
            switch (flag) {
                case "--dataset" -> dataset = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--modes" -> modes = value;
                case "--split" -> split = value;
                case "--cache" -> cache = Path.of(value);
                case "--max-docs" -> maxDocs = positive(flag, value, 1);
                case "--depth" -> search = search.withDepth(positive(flag, value, 100));
                case "--dense-floor" -> search = search.withDenseFloor(similarity(flag, value));
                case "--warmup" -> warmup = positive(flag, value, 0);
                case "--llm-base-url" -> llmBaseUrl = value;
                case "--llm-model" -> llmModel = value;
                case "--llm-api-key" -> llmApiKey = value;
                case "--llm-mode" -> llmMode = value;
                case "--cross-encoder" -> crossEncoder = Path.of(value);
                case "--backend" -> backend = value;
                case "--opensearch-url" -> opensearchUrl = value;
                default -> throw new UsageException("unknown option '" + flag + "'");
            }
        }
        if (dataset == null) {
            throw new UsageException("--dataset is required");
        }
        if (out == null) {
            throw new UsageException("--out is required");
        }
        if (!split.equals("test") && !split.equals("train")) {
            throw new UsageException("--split must be test or train, got '" + split + "'");
        }
        List<EvalMode> parsed = parseModes(modes);
        CascadeArgs cascade = parsed.contains(EvalMode.CASCADE)
                ? CascadeArgs.of(llmBaseUrl, llmModel, llmApiKey, llmMode, crossEncoder) : null;
        return new EvalArgs(dataset, parsed, out, split, cache, maxDocs, search, warmup, cascade,
                opensearch(backend, opensearchUrl));
    }

    private static OpenSearchSettings opensearch(String backend, String url) {
        switch (backend) {
            case "lucene" -> {
                if (url != null) {
                    throw new UsageException("--opensearch-url goes with --backend opensearch");
                }
                return null;
            }
            case "opensearch" -> {
                if (url == null) {
                    throw new UsageException("--backend opensearch needs --opensearch-url, e.g. http://127.0.0.1:9200");
                }
                try {
                    return new OpenSearchSettings(URI.create(url), "sextant-eval", 1, 0);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--opensearch-url: " + e.getMessage());
                }
            }
            default -> throw new UsageException("--backend must be lucene or opensearch, got '" + backend + "'");
        }
    }

    boolean truncated() {
        return maxDocs != Integer.MAX_VALUE;
    }

    private static List<EvalMode> parseModes(String list) {
        LinkedHashSet<EvalMode> modes = new LinkedHashSet<>();
        for (String m : list.split(",")) {
            if (!m.isBlank()) {
                modes.add(EvalMode.parse(m));
            }
        }
        if (modes.isEmpty()) {
            throw new UsageException("--modes names no mode");
        }
        return new ArrayList<>(modes);
    }

    private static int positive(String flag, String value, int min) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " needs a whole number of at least " + min + ", got '" + value + "'");
    }

    private static double similarity(String flag, String value) {
        try {
            double x = Double.parseDouble(value.strip());
            if (x >= -1 && x <= 1) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " needs a cosine similarity within [-1, 1], got '" + value + "'");
    }
}
