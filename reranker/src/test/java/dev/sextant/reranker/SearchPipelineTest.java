package dev.sextant.reranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.TestProfile;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.retriever.Bm25Retriever;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.HybridRetriever;
import dev.sextant.retriever.Retriever;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage order on a real index: retrieve, guard, fetch from the same snapshot, rerank, page. */
class SearchPipelineTest {

    private static final Principal FINANCE = Principal.group("idp", "finance");
    private static final Principals ALICE = Principals.of(Principal.PUBLIC, Principal.user("alice@x.example"));

    /** Every query embeds to the x axis; documents are placed at an angle from it. */
    private static final Embedder AXIS = new Embedder() {
        public int dimension() {
            return 2;
        }

        public List<float[]> embedPassages(List<String> passages) {
            return passages.stream().map(p -> at(0)).toList();
        }

        public float[] embedQuery(String query) {
            return at(0);
        }

        public String modelId() {
            return "axis";
        }
    };

    @TempDir
    Path dir;
    private ChunkIndex index;
    private final List<Candidate> breaches = new ArrayList<>();
    private final AccessGuard guard = new AccessGuard(breaches::add);

    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    @BeforeEach
    void setUp() throws IOException {
        index = LuceneIndex.open(dir, TestProfile.PROFILE);
        write("wiki", Acl.PUBLIC, 10, "Budget meeting notes for the whole company.");
        write("report", Acl.of(AclClause.of(FINANCE)), 5, "The budget for Q3 is final.");
        write("handbook", Acl.PUBLIC, 40, "Holidays and leave.");
        write("canteen", Acl.PUBLIC, 80, "Lunch menu.");
        index.commit("test", null);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private void write(String id, Acl acl, double degrees, String text) throws IOException {
        var doc = new SourceDocument(id, "test", id, text, "https://x.example/" + id, Instant.EPOCH, acl, "v1");
        index.replace(id, List.of(new IndexedChunk("test", doc, 0, new ChunkText("", text), id, at(degrees))));
    }

    private SearchPipeline pipeline(Retriever retriever, RerankerCascade cascade, double floor) {
        return new SearchPipeline(index, retriever, cascade, guard, SearchSettings.DEFAULTS.withDenseFloor(floor));
    }

    /** A retriever whose index filter is broken: it searches as a reader who may read everything. */
    private static Retriever ignoringTheReader(Retriever inner) {
        Principals everyone = Principals.of(Principal.PUBLIC, FINANCE);
        return (query, snapshot) -> inner.retrieve(
                new SearchQuery(query.text(), query.lexical(), everyone, query.depth()), snapshot);
    }

    @Test
    void theGuardDropsWhatTheIndexFilterLetThroughBeforeAnyRerankerSeesIt() throws Exception {
        List<Candidate> seen = new ArrayList<>();
        Reranker recording = new Reranker() {
            public List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) {
                seen.addAll(candidates);
                return candidates;
            }

            public String tag() {
                return "recording";
            }
        };
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(recording, 10, Duration.ofSeconds(5))))) {
            var result = pipeline(ignoringTheReader(new Bm25Retriever()), cascade, -1).search("budget", ALICE, 0, 10);

            assertThat(result.page()).extracting(Candidate::docId).containsExactly("wiki");
            assertThat(result.total()).isEqualTo(1);
            assertThat(breaches).extracting(Candidate::docId).containsExactly("report");
            assertThat(seen).extracting(Candidate::docId).containsExactly("wiki");
            assertThat(seen.getFirst().passage().text()).contains("Budget meeting");
            assertThat(seen.getFirst().passage().snippet()).contains("<mark>Budget</mark>");
        }
    }

    @Test
    void totalCountsWordMatchesAndNeighboursAboveTheFloorThatTheReaderMayRead() throws Exception {
        Retriever hybrid = HybridRetriever.bm25AndDense(AXIS, SearchSettings.DEFAULTS.fusionFunction());
        double floor = Math.cos(Math.toRadians(60));

        var result = pipeline(hybrid, RerankerCascade.passThrough(), floor).search("budget", ALICE, 0, 10);

        // wiki matches the word; handbook is within 60 degrees; canteen (80) is not; report is unreadable.
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.page()).extracting(Candidate::docId).containsExactly("wiki", "handbook");
        assertThat(pipeline(hybrid, RerankerCascade.passThrough(), -1).search("budget", ALICE, 0, 10).total())
                .isEqualTo(3);
        assertThat(breaches).isEmpty();
    }

    @Test
    void pagesAreCutFromTheRerankedOrderWithTheirPassagesLoaded() throws Exception {
        Retriever hybrid = HybridRetriever.bm25AndDense(AXIS, SearchSettings.DEFAULTS.fusionFunction());
        Reranker reverse = new Reranker() {
            public List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) {
                return candidates.reversed();
            }

            public String tag() {
                return "reverse";
            }
        };
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(reverse, 2, Duration.ofSeconds(5))))) {
            SearchPipeline pipeline = pipeline(hybrid, cascade, -1);
            var first = pipeline.search("budget", ALICE, 0, 1);
            var second = pipeline.search("budget", ALICE, 1, 2);

            assertThat(first.ranking()).extracting(Candidate::docId).containsExactly("handbook", "wiki", "canteen");
            assertThat(first.page()).extracting(Candidate::docId).containsExactly("handbook");
            assertThat(second.page()).extracting(Candidate::docId).containsExactly("wiki", "canteen");
            assertThat(second.page()).allMatch(Candidate::hasPassage);
            assertThat(pipeline.search("budget", ALICE, 5, 2).page()).isEmpty();
            assertThat(first.stages()).singleElement().satisfies(run -> {
                assertThat(run.tag()).isEqualTo("reverse");
                assertThat(run.outcome()).isEqualTo("ran");
                assertThat(run.candidates()).isEqualTo(2);
            });
        }
    }
}
