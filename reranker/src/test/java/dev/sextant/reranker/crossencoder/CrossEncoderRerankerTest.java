package dev.sextant.reranker.crossencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.Passage;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.crossencoder.TinyCrossEncoder.Kind;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the reranker over real ONNX graphs and a real HuggingFace tokenizer (see {@link TinyCrossEncoder}). */
class CrossEncoderRerankerTest {

    private static final SearchQuery FAILOVER = query("failover");

    @TempDir
    Path dir;

    private static SearchQuery query(String text) {
        return SearchQuery.of(text, Principals.of(Principal.PUBLIC), 100);
    }

    private static Candidate candidate(String id, String title, String heading, String text) {
        Passage passage = new Passage(title, heading, text, text, "https://wiki.example/" + id, "wiki",
                Instant.EPOCH, "public");
        return new Candidate(id, id + "#0", "public", Map.of("bm25", 1f)).withPassage(passage);
    }

    private static Candidate candidate(String id, String text) {
        return candidate(id, "", "", text);
    }

    private CrossEncoderReranker reranker(Kind kind, CrossEncoderOptions options) throws IOException {
        return CrossEncoderReranker.fromDirectory(TinyCrossEncoder.write(dir.resolve(kind.name()), kind), options);
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::docId).toList();
    }

    private static float logit(Candidate c) {
        return c.scores().get(CrossEncoderReranker.SCORE);
    }

    @Test
    void ordersCandidatesByTheModelsLogitAndKeepsTiesInTheirOrder() throws Exception {
        List<Candidate> coarse = List.of(candidate("lunch", "the lunch menu"),
                candidate("replica", "promote the replica"),
                candidate("both", "failover: promote the replica"),
                candidate("holiday", "holiday menu"));
        try (var reranker = reranker(Kind.ONE_LOGIT, CrossEncoderOptions.defaults())) {
            List<Candidate> reranked = reranker.rerank(FAILOVER, coarse);

            assertThat(ids(reranked)).containsExactly("both", "replica", "lunch", "holiday");
            // the query's own token weighs 1 in every pair
            assertThat(reranked).extracting(CrossEncoderRerankerTest::logit).containsExactly(2.5f, 1.5f, 1f, 1f);
            assertThat(reranked.getFirst().scores()).containsEntry("bm25", 1f);
            assertThat(reranked.getFirst().passage()).isEqualTo(coarse.get(2).passage());
            assertThat(reranker.tag()).isEqualTo("cross-encoder");
        }
    }

    @Test
    void readsTheTitleAndHeadingWithThePassage() throws Exception {
        List<Candidate> coarse = List.of(candidate("plain", "", "", "the lunch menu"),
                candidate("headed", "Lunch", "Replica", "the lunch menu"),
                candidate("titled", "Failover runbook", "", "the lunch menu"));
        try (var reranker = reranker(Kind.ONE_LOGIT, CrossEncoderOptions.defaults())) {
            List<Candidate> reranked = reranker.rerank(FAILOVER, coarse);

            assertThat(ids(reranked)).containsExactly("titled", "headed", "plain");
            assertThat(reranked).extracting(CrossEncoderRerankerTest::logit).containsExactly(2f, 1.5f, 1f);
        }
    }

    @Test
    void cutsALongPassageToMaxTokensAndKeepsTheQuery() throws Exception {
        String longPassage = "filler ".repeat(1_000);
        SearchQuery eightWords = query("failover ".repeat(8).trim());
        try (var reranker = reranker(Kind.ONE_LOGIT, new CrossEncoderOptions(16, 16, 1))) {
            Candidate scored = reranker.rerank(eightWords, List.of(candidate("long", longPassage))).getFirst();

            // [CLS] 8 × failover [SEP] + 5 of the 1,000 fillers + [SEP] = 16 tokens; cutting the longer of the
            // two first would have kept 7 of the query's words and 6 fillers (7.75)
            assertThat(logit(scored)).isCloseTo(8f + 5 * 0.125f, within(1e-5f));
        }
    }

    @Test
    void theOptionsOverrideTheTokenizerFilesOwnTruncationAndPadding() throws Exception {
        Path model = TinyCrossEncoder.write(dir.resolve("own-limits"), Kind.ONE_LOGIT);
        // exports often carry their own limits: here cut both sides to 6 tokens, then pad to 64 with "filler" (0.125)
        Path tokenizer = model.resolve("tokenizer.json");
        String ownLimits = """
                "truncation":{"direction":"Right","max_length":6,"strategy":"LongestFirst","stride":0},
                "padding":{"strategy":{"Fixed":64},"direction":"Right","pad_to_multiple_of":null,"pad_id":6,
                           "pad_type_id":0,"pad_token":"filler"}""";
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("\"truncation\":null,\"padding\":null",
                ownLimits));
        assertThat(Files.readString(tokenizer)).contains("\"Fixed\":64");
        try (var reranker = CrossEncoderReranker.fromDirectory(model, new CrossEncoderOptions(16, 16, 1))) {
            Candidate scored = reranker.rerank(query("failover ".repeat(8).trim()),
                    List.of(candidate("long", "filler ".repeat(100)))).getFirst();

            assertThat(logit(scored)).isCloseTo(8f + 5 * 0.125f, within(1e-5f));
        }
    }

    @Test
    void aQueryThatLeavesNoRoomForThePassageFailsClearly() throws Exception {
        SearchQuery longQuery = query("failover ".repeat(20).trim());
        try (var reranker = reranker(Kind.ONE_LOGIT, new CrossEncoderOptions(16, 16, 1))) {
            assertThatThrownBy(() -> reranker.rerank(longQuery, List.of(candidate("a", "replica"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the query does not fit the cross-encoder's 16 tokens");
        }
    }

    @Test
    void scoresEveryCandidateAcrossBatchesOfDifferentLengths() throws Exception {
        List<Candidate> coarse = IntStream.range(0, 40)
                .mapToObj(i -> candidate("d" + i, "replica ".repeat(i % 3) + (i == 37 ? "failover" : "") + " menu"))
                .toList();
        try (var reranker = reranker(Kind.ONE_LOGIT, new CrossEncoderOptions(512, 16, 1))) {
            List<Candidate> reranked = reranker.rerank(FAILOVER, coarse);

            List<Candidate> expected = new ArrayList<>(coarse);
            expected.sort(Comparator.comparing((Candidate c) ->
                    TinyCrossEncoder.expectedLogit("failover", c.passage().text(), Kind.ONE_LOGIT)).reversed());
            assertThat(ids(reranked)).containsExactlyElementsOf(ids(expected));
            assertThat(ids(reranked).getFirst()).isEqualTo("d37");
            for (Candidate c : reranked) {
                assertThat(logit(c)).as(c.docId())
                        .isEqualTo(TinyCrossEncoder.expectedLogit("failover", c.passage().text(), Kind.ONE_LOGIT));
            }
        }
    }

    @Test
    void aTwoLogitModelIsReadByItsPositiveClass() throws Exception {
        List<Candidate> coarse = List.of(candidate("lunch", "lunch"), candidate("replica", "replica"));
        try (var reranker = reranker(Kind.TWO_LOGITS, CrossEncoderOptions.defaults())) {
            List<Candidate> reranked = reranker.rerank(FAILOVER, coarse);

            assertThat(ids(reranked)).containsExactly("replica", "lunch");
            assertThat(reranked).extracting(CrossEncoderRerankerTest::logit).containsExactly(1.5f, 1f);
        }
    }

    @Test
    void feedsTokenTypeIdsToAModelThatTakesThem() throws Exception {
        List<Candidate> coarse = List.of(candidate("lunch", "lunch"), candidate("replica", "replica failover"));
        try (var reranker = reranker(Kind.TYPE_IDS, CrossEncoderOptions.defaults())) {
            List<Candidate> reranked = reranker.rerank(FAILOVER, coarse);

            // this model counts only the passage's tokens: the query's "failover" has type id 0
            assertThat(ids(reranked)).containsExactly("replica", "lunch");
            assertThat(reranked).extracting(CrossEncoderRerankerTest::logit).containsExactly(1.5f, 0f);
        }
    }

    @Test
    void concurrentSearchesGetTheirOwnScores() throws Exception {
        try (var reranker = reranker(Kind.ONE_LOGIT, new CrossEncoderOptions(512, 4, 2));
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<Candidate>>> runs = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int n = t % 8;
                List<Candidate> coarse = IntStream.range(0, 10)
                        .mapToObj(i -> candidate("d" + i, "replica ".repeat((i + n) % 10))).toList();
                runs.add(pool.submit(() -> reranker.rerank(FAILOVER, coarse)));
            }
            for (int t = 0; t < runs.size(); t++) {
                int n = t % 8;
                List<Candidate> reranked = runs.get(t).get();
                assertThat(reranked.getFirst().docId()).isEqualTo("d" + (9 - n));
                assertThat(logit(reranked.getFirst())).isEqualTo(1f + 9 * 0.5f);
            }
        }
    }

    @Test
    void reordersOnlyItsTopKInsideTheCascade() throws Exception {
        List<Candidate> coarse = List.of(candidate("a", "lunch"), candidate("b", "replica"),
                candidate("c", "failover replica"));
        try (var reranker = reranker(Kind.ONE_LOGIT, CrossEncoderOptions.defaults());
             var cascade = new RerankerCascade(
                     List.of(new RerankerCascade.Stage(reranker, 2, Duration.ofSeconds(10))))) {
            RerankerCascade.Result result = cascade.rerank(FAILOVER, coarse);

            assertThat(ids(result.candidates())).containsExactly("b", "a", "c");
            assertThat(result.notices()).isEmpty();
        }
    }

    @Test
    void stopsBetweenBatchesWhenInterrupted() throws Exception {
        try (var reranker = reranker(Kind.ONE_LOGIT, CrossEncoderOptions.defaults())) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> reranker.rerank(FAILOVER, List.of(candidate("a", "replica"))))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("the flag is consumed").isFalse();
        }
    }

    @Test
    void aClosedRerankerRefusesToScore() throws Exception {
        var reranker = reranker(Kind.ONE_LOGIT, CrossEncoderOptions.defaults());
        reranker.close();
        reranker.close();

        assertThatThrownBy(() -> reranker.rerank(FAILOVER, List.of(candidate("a", "replica"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aDirectoryWithoutTheModelFilesNamesWhatIsMissing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> CrossEncoderReranker.fromDirectory(empty, CrossEncoderOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("model.onnx")
                .hasMessageContaining("tokenizer.json");

        Path noModel = Files.createDirectories(dir.resolve("no-model"));
        Files.writeString(noModel.resolve("tokenizer.json"), TinyCrossEncoder.tokenizerJson());
        assertThatThrownBy(() -> CrossEncoderReranker.fromDirectory(noModel, CrossEncoderOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no model.onnx")
                .hasMessageNotContaining("tokenizer.json");

        Path noTokenizer = Files.createDirectories(dir.resolve("no-tokenizer"));
        Files.write(noTokenizer.resolve("model.onnx"), TinyCrossEncoder.model(Kind.ONE_LOGIT));
        assertThatThrownBy(() -> CrossEncoderReranker.fromDirectory(noTokenizer, CrossEncoderOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no tokenizer.json")
                .hasMessageNotContaining("model.onnx");
    }

    @Test
    void anUnreadableModelOrTokenizerIsAnIOException() throws IOException {
        Path badTokenizer = TinyCrossEncoder.write(dir.resolve("bad-tokenizer"), Kind.ONE_LOGIT);
        Files.writeString(badTokenizer.resolve("tokenizer.json"), "{\"model\":");
        assertThatThrownBy(() -> CrossEncoderReranker.fromDirectory(badTokenizer, CrossEncoderOptions.defaults()))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read the tokenizer");

        Path badModel = TinyCrossEncoder.write(dir.resolve("bad-model"), Kind.ONE_LOGIT);
        Files.writeString(badModel.resolve("model.onnx"), "not a model");
        assertThatThrownBy(() -> CrossEncoderReranker.fromDirectory(badModel, CrossEncoderOptions.defaults()))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot load the model");
    }

    @Test
    void aModelThatIsNotACrossEncoderIsRefused() throws IOException {
        Path other = Files.createDirectories(dir.resolve("identity"));
        Files.write(other.resolve("model.onnx"), TinyCrossEncoder.identityModel());
        Files.writeString(other.resolve("tokenizer.json"), TinyCrossEncoder.tokenizerJson());

        assertThatThrownBy(() -> CrossEncoderReranker.fromDirectory(other, CrossEncoderOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("takes [x]")
                .hasMessageContaining("input_ids");
    }

    @Test
    void optionsAreChecked() {
        assertThat(CrossEncoderOptions.defaults()).isEqualTo(new CrossEncoderOptions(512, 16, 1));
        assertThatThrownBy(() -> new CrossEncoderOptions(512, 0, 1)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> new CrossEncoderOptions(4, 16, 1)).hasMessageContaining("maxTokens");
        assertThat(new CrossEncoderOptions(512, 16, 10_000).threads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
