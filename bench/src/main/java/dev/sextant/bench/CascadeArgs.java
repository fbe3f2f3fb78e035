package dev.sextant.bench;

import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.RerankerCascade.Stage;
import dev.sextant.reranker.crossencoder.CrossEncoderOptions;
import dev.sextant.reranker.crossencoder.CrossEncoderReranker;
import dev.sextant.reranker.llm.LlmEndpoint;
import dev.sextant.reranker.llm.LlmListwiseReranker;
import dev.sextant.reranker.llm.LlmPointwiseReranker;
import dev.sextant.reranker.llm.OpenAiModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fine stages the cascade mode evaluates, with the gateway's default budgets: an optional cross-encoder
 * (top 30, 0.5 s), then the LLM (top 20, 8 s, 4,000 passage words).
 *
 * @param crossEncoderDir null for none
 */
record CascadeArgs(LlmEndpoint llm, boolean pointwise, Path crossEncoderDir) {

    /** @throws UsageException without an endpoint: the cascade would be the coarse order under another name */
    static CascadeArgs of(String baseUrl, String model, String apiKey, String mode, Path crossEncoderDir) {
        if (baseUrl == null || model == null) {
            throw new UsageException("--modes cascade needs an LLM endpoint (--llm-base-url URL --llm-model NAME); "
                    + "without one it would report the coarse order as the cascade");
        }
        if (!mode.equals("listwise") && !mode.equals("pointwise")) {
            throw new UsageException("--llm-mode must be listwise or pointwise, got '" + mode + "'");
        }
        return new CascadeArgs(new LlmEndpoint(baseUrl, apiKey, model, Duration.ofSeconds(20)),
                mode.equals("pointwise"), crossEncoderDir);
    }

    RerankerCascade build() {
        List<Stage> stages = new ArrayList<>();
        if (crossEncoderDir != null) {
            try {
                stages.add(new Stage(CrossEncoderReranker.fromDirectory(crossEncoderDir, CrossEncoderOptions.defaults()),
                        30, Duration.ofMillis(500)));
            } catch (IOException e) {
                throw new UncheckedIOException("--cross-encoder " + crossEncoderDir + ": " + e.getMessage(), e);
            }
        }
        var chat = OpenAiModels.chat(llm, pointwise);
        stages.add(new Stage(pointwise ? new LlmPointwiseReranker(chat)
                : new LlmListwiseReranker(chat, LlmListwiseReranker.DEFAULT_WINDOW, LlmListwiseReranker.DEFAULT_STEP),
                20, Duration.ofSeconds(8), 4000));
        return new RerankerCascade(stages);
    }
}
