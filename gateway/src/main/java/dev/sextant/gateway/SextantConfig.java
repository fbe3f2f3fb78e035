package dev.sextant.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import dev.sextant.reranker.SearchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sextant's own settings ({@code sextant.*}); the README's configuration reference lists them all. */
@ConfigMapping(prefix = "sextant")
public interface SextantConfig {

    /** Where the index and the embedded database live. */
    @WithDefault("./data")
    Path dataDir();

    Demo demo();

    Index index();

    Fs fs();

    Search search();

    Sync sync();

    Llm llm();

    Rerank rerank();

    Secrets secrets();

    interface Demo {
        /** Index the demo corpus and enable the demo accounts (password {@code demo}). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("demo/corpus")
        Path corpus();
    }

    /** Which engine holds the chunk index: the embedded Lucene index (default) or an OpenSearch cluster. */
    interface Index {
        /** {@code lucene} (under the data folder) or {@code opensearch} (docs/scaling.md). */
        @WithDefault("lucene")
        Backend backend();

        OpenSearch opensearch();

        enum Backend { LUCENE, OPENSEARCH }

        /** The cluster, with {@code backend=opensearch}. */
        interface OpenSearch {
            /** e.g. {@code http://127.0.0.1:9200}; required with {@code backend=opensearch}. */
            Optional<String> url();

            /** Names the indexes: {@code <prefix>-chunks}, {@code <prefix>-checkpoints}. */
            @WithDefault("sextant")
            String indexPrefix();

            @WithDefault("1")
            int shards();

            @WithDefault("1")
            int replicas();
        }
    }

    interface Fs {
        /** Folders indexed by the filesystem connector, beside the demo corpus. */
        Optional<List<Path>> roots();

        /** The ACL of documents no sidecar covers, e.g. {@code public}; without one they are readable by nobody. */
        Optional<String> defaultAcl();

        @WithDefault("20")
        int maxFileMb();
    }

    /** Overrides of {@link SearchSettings#DEFAULTS}, which the evaluation measures. */
    interface Search {
        /** Chunk hits each coarse stage (BM25, kNN) collects before fusion. */
        Optional<Integer> depth();

        @WithDefault("50")
        int maxLimit();

        /** {@code convex} (standardized scores, weighted; see ConvexFusion) or {@code rrf} (reciprocal rank fusion). */
        Optional<SearchSettings.FusionKind> fusion();

        /** With convex fusion: the dense list's weight, BM25's being one minus it. */
        Optional<Double> denseWeight();

        /** With RRF: the {@code k} of {@code 1 / (k + rank)}. */
        Optional<Integer> rrfK();

        /** The least cosine similarity at which a document no query word matches still counts as found. */
        Optional<Double> denseFloor();
    }

    interface Sync {
        /** Time from the end of one sync of a source to the start of its next; every source, the demo corpus too. */
        @WithDefault("PT5M")
        Duration interval();

        /** How long shutdown waits for a running sync to stop before the index closes. */
        @WithDefault("PT30S")
        Duration shutdownTimeout();

        /** Documents between the intermediate commits of a long sync, each with the source's latest checkpoint. */
        @WithDefault("1000")
        int commitEveryDocs();

        /** Chunks embedded per call to the model, across documents. */
        @WithDefault("32")
        int embedBatchSize();
    }

    /** An OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp server, OpenAI, Azure); none without a base URL. */
    interface Llm {
        /** The URL before {@code /chat/completions}, e.g. {@code http://localhost:8000/v1}. */
        Optional<String> baseUrl();

        /** Bearer token; local servers need none. */
        Optional<String> apiKey();

        /** The model name the endpoint serves; required with a base URL. */
        Optional<String> model();

        /** How long one request may take. */
        @WithDefault("PT20S")
        Duration timeout();
    }

    /** The fine stages after coarse retrieval: each reorders its top K within its budget, or the order before stands. */
    interface Rerank {
        /** A folder with {@code model.onnx} and {@code tokenizer.json}; without it the cross-encoder stage is skipped. */
        Optional<Path> crossEncoderDir();

        @WithDefault("20")
        int crossEncoderTopK();

        @WithDefault("PT1S")
        Duration crossEncoderBudget();

        /** {@code none}, {@code listwise} (RankGPT sliding window) or {@code pointwise} (yes/no per candidate). */
        @WithDefault("none")
        String llmMode();

        @WithDefault("20")
        int llmTopK();

        @WithDefault("PT8S")
        Duration llmBudget();

        /** The most passage words the LLM stage is given per query. */
        @WithDefault("4000")
        int llmTokenBudget();
    }

    /** How source credentials are encrypted at rest. */
    interface Secrets {
        /** Base64 of a 32-byte AES key; without it the key file {@code secrets.key} in the data folder is used. */
        Optional<String> key();
    }
}
