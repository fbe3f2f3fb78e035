package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sextant.indexer.lucene.LuceneQueryParser;
import dev.sextant.retriever.QuerySyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void evaluatesOnlyQueriesWithARelevantDocumentInTheSplit() throws Exception {
        BeirDataset d = BeirDataset.load(TinyBeir.write(tmp.resolve("tiny")), "test");
        assertThat(d.name()).isEqualTo("tiny");
        assertThat(d.queries()).extracting(BeirDataset.EvalQuery::id).containsExactly("q1", "q2", "q3");
        assertThat(d.queries().get(2).qrels()).isEqualTo(Map.of("d3", 2, "d1", 0));
    }

    @Test
    void judgedQueriesWithoutTextAreAnError() throws Exception {
        Path dir = TinyBeir.write(tmp.resolve("tiny"));
        Files.writeString(dir.resolve("qrels").resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq9\td1\t1\n");
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("q9");
    }

    @Test
    void malformedQrelsNameTheLine() throws Exception {
        Path dir = TinyBeir.write(tmp.resolve("tiny"));
        Files.writeString(dir.resolve("qrels").resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1 d2 1\n");
        assertThatThrownBy(() -> BeirDataset.load(dir, "test")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void everySciFactTestQueryParsesOnceEscaped() throws Exception {
        Path scifact = sharedSciFact();
        assumeTrue(scifact != null, "skipped: ../shared/datasets/beir-scifact is not present in this checkout");
        BeirDataset d = BeirDataset.load(scifact, "test");
        assertThat(d.queries()).hasSize(300);
        assertThat(d.queries().stream().mapToInt(q -> q.qrels().size()).sum()).isEqualTo(339);
        for (BeirDataset.EvalQuery q : d.queries()) {
            QuerySyntax.validate(QueryText.escapeOperators(q.text())); // throws on a query the product would reject
            LuceneQueryParser.parse(QueryText.escapeOperators(q.text()));
        }
        assertThat(BeirDataset.load(scifact, "train").queries()).hasSize(809);
    }

    /** The shared data set, seen from the module folder (Maven) or the repository root (an IDE), or null. */
    static Path sharedSciFact() {
        return Stream.of("../../shared/datasets/beir-scifact", "../shared/datasets/beir-scifact")
                .map(Path::of).filter(p -> Files.isRegularFile(p.resolve("corpus.jsonl"))).findFirst().orElse(null);
    }

    @Test
    void queryTextEscapingKeepsWordsAndNeutralisesOperators() {
        assertThat(QueryText.escapeOperators("a \"b (c) -d +e|f* g~2 h\\"))
                .isEqualTo("a \\\"b \\(c\\) \\-d \\+e\\|f\\* g\\~2 h\\\\");
        for (String raw : List.of("\"unbalanced", "open (paren", "close) paren", "-", "\\")) {
            QuerySyntax.validate(QueryText.escapeOperators(raw));
            LuceneQueryParser.parse(QueryText.escapeOperators(raw));
        }
    }
}
