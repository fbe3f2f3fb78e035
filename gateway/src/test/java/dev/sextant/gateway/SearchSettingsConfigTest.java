package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.reranker.SearchSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sextant.search.*} keys override the library's defaults, key by key, as the README spells them. */
class SearchSettingsConfigTest {

    private static SearchSettings settings(Map<String, String> properties) {
        SextantConfig config = new SmallRyeConfigBuilder().withMapping(SextantConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(SextantConfig.class);
        return new Engine().searchSettings(config);
    }

    @Test
    void withoutKeysTheSettingsAreTheMeasuredDefaults() {
        assertThat(settings(Map.of())).isEqualTo(SearchSettings.DEFAULTS);
    }

    @Test
    void eachKeyOverridesItsSetting() {
        SearchSettings s = settings(Map.of("sextant.search.fusion", "rrf", "sextant.search.rrf-k", "10",
                "sextant.search.depth", "120", "sextant.search.dense-weight", "0.7", "sextant.search.dense-floor", "0.5"));
        assertThat(s).isEqualTo(new SearchSettings(120, SearchSettings.FusionKind.RRF, 0.7, 10, 0.5));
        assertThat(settings(Map.of("sextant.search.fusion", "convex")).fusion()).isEqualTo(SearchSettings.FusionKind.CONVEX);
    }
}
