package dev.sextant.gateway.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.sextant.gateway.SextantConfig;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.RerankerCascade.Stage;
import dev.sextant.reranker.crossencoder.CrossEncoderOptions;
import dev.sextant.reranker.crossencoder.CrossEncoderReranker;
import dev.sextant.reranker.llm.LlmListwiseReranker;
import dev.sextant.reranker.llm.LlmPointwiseReranker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The fine stages from {@code sextant.rerank.*}: the cross-encoder when a model folder is configured, then the
 * LLM reranker when an endpoint and a mode are. A stage left out is reported as not configured in every
 * search's {@code stages}.
 */
@ApplicationScoped
public class Cascades {

    private static final Logger LOG = Logger.getLogger(Cascades.class);

    private CrossEncoderReranker crossEncoder;

    @Produces
    @Singleton
    RerankerCascade cascade(SextantConfig config, LlmModels llm) {
        SextantConfig.Rerank rerank = config.rerank();
        List<Stage> stages = new ArrayList<>();
        stages.add(rerank.crossEncoderDir().map(dir -> new Stage(crossEncoder(dir), rerank.crossEncoderTopK(),
                rerank.crossEncoderBudget())).orElse(Stage.notConfigured("cross-encoder")));
        stages.add(llmStage(rerank, llm.chat()));
        return new RerankerCascade(stages);
    }

    void close(@Disposes RerankerCascade cascade) {
        cascade.close();
        if (crossEncoder != null) {
            crossEncoder.close();
        }
    }

    private CrossEncoderReranker crossEncoder(Path dir) {
        try {
            crossEncoder = CrossEncoderReranker.fromDirectory(dir, CrossEncoderOptions.defaults());
            return crossEncoder;
        } catch (IOException e) {
            throw new UncheckedIOException("sextant.rerank.cross-encoder-dir " + dir.toAbsolutePath()
                    + " holds no usable cross-encoder: " + e.getMessage(), e);
        }
    }

    private static Stage llmStage(SextantConfig.Rerank rerank, Optional<ChatModel> chat) {
        RerankMode mode = RerankMode.of(rerank.llmMode());
        if (mode == RerankMode.NONE) {
            return Stage.notConfigured("llm");
        }
        String tag = mode == RerankMode.LISTWISE ? LlmListwiseReranker.TAG : LlmPointwiseReranker.TAG;
        if (chat.isEmpty()) {
            LOG.warnf("sextant.rerank.llm-mode is %s but no sextant.llm.base-url is set: the LLM stage is skipped",
                    rerank.llmMode());
            return Stage.notConfigured(tag);
        }
        var reranker = mode == RerankMode.LISTWISE ? new LlmListwiseReranker(chat.get(), LlmListwiseReranker.DEFAULT_WINDOW,
                LlmListwiseReranker.DEFAULT_STEP)
                : new LlmPointwiseReranker(chat.get());
        return new Stage(reranker, rerank.llmTopK(), rerank.llmBudget(), rerank.llmTokenBudget());
    }
}
