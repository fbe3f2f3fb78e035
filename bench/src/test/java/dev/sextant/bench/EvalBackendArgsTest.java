package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvalBackendArgsTest {

    private static EvalArgs parse(String... extra) {
        String[] base = {"--dataset", "x", "--out", "r.json"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return EvalArgs.parse(all);
    }

    @Test
    void theEmbeddedIndexIsTheDefault() {
        assertThat(parse().opensearch()).isNull();
    }

    @Test
    void openSearchTakesTheClusterUrlAndItsOwnIndexPrefix() {
        var settings = parse("--backend", "opensearch", "--opensearch-url", "http://127.0.0.1:9250").opensearch();
        assertThat(settings.url()).hasToString("http://127.0.0.1:9250");
        assertThat(settings.indexPrefix()).isEqualTo("sextant-eval");
    }

    @Test
    void aBackendWithoutItsUrlOrAUrlWithoutItsBackendIsAUsageError() {
        assertThatThrownBy(() -> parse("--backend", "opensearch")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--opensearch-url");
        assertThatThrownBy(() -> parse("--opensearch-url", "http://h:9200")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--backend opensearch");
        assertThatThrownBy(() -> parse("--backend", "solr")).isInstanceOf(UsageException.class)
                .hasMessageContaining("lucene or opensearch");
        assertThatThrownBy(() -> parse("--backend", "opensearch", "--opensearch-url", "ftp://h")).isInstanceOf(UsageException.class)
                .hasMessageContaining("http(s)");
    }
}
