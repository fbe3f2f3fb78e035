package dev.sextant.gateway.llm;

import dev.sextant.reranker.llm.fake.OpenAiFake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An {@link OpenAiFake} for the server to rerank with: {@code sextant.llm.*} point at it, and an
 * {@code OpenAiFake} field of the test is set to it so that the test can script it. Argument {@code mode}:
 * {@code sextant.rerank.llm-mode}; {@code budget}: {@code sextant.rerank.llm-budget}.
 */
public class LlmFakeResource implements QuarkusTestResourceLifecycleManager {

    private OpenAiFake fake;
    private Map<String, String> args;

    @Override
    public void init(Map<String, String> args) {
        this.args = args;
    }

    @Override
    public Map<String, String> start() {
        try {
            fake = OpenAiFake.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("sextant.llm.base-url", fake.baseUrl(), "sextant.llm.model", "fake-model",
                "sextant.llm.api-key", "sk-test",
                "sextant.rerank.llm-mode", args.getOrDefault("mode", "listwise"),
                "sextant.rerank.llm-budget", args.getOrDefault("budget", "PT5S"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.MatchesType(OpenAiFake.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
