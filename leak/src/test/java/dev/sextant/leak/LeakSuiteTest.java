package dev.sextant.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.retriever.Bm25Retriever;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak suite over the real pipeline: a seeded random world of thousands of chunks, indexed in Lucene, and
 * every person of it asking dozens of questions through every path that returns content (search pages with
 * explain scores, BM25-only totals, LLM and extractive answers with the model's prompts, multi-turn chat).
 * Nothing that comes out may name a document the oracle says the person may not read.
 */
class LeakSuiteTest {

    static final WorldGenerator.Size SIZE = new WorldGenerator.Size(3000, 40, 50, 24, 8, 400);
    static final int PROBES_PER_PERSON = 18;

    @TempDir
    static Path dir;
    static long seed;
    static LeakSystem system;
    static OpenAiFake fake;
    static List<LeakPath> paths;

    @BeforeAll
    static void world() throws Exception {
        seed = LeakSeed.draw();
        System.out.println("leak suite: " + LeakSeed.replay(seed));
        long start = System.nanoTime();
        system = new LeakSystem(WorldGenerator.generate(seed, SIZE), dir);
        System.out.printf("leak suite: %d documents, %d chunks indexed in %.1f s%n", system.world.docs.size(),
                system.index.chunkCount(), (System.nanoTime() - start) / 1e9);
        fake = OpenAiFake.start();
        paths = LeakPaths.all(system, fake, 3);
    }

    @AfterAll
    static void close() throws Exception {
        if (fake != null) {
            fake.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void noPathLetsOutWhatItsReaderMayNotRead() throws Exception {
        long start = System.nanoTime();
        LeakRun run = new LeakRun(system, paths);
        ProbeGenerator probes = new ProbeGenerator(system.world, seed);
        int readable = 0;
        for (World.Person person : system.world.people) {
            var mine = run.oracle().readable(person);
            readable += mine.size();
            run.ask(person, probes.probes(person, mine, PROBES_PER_PERSON));
        }
        System.out.printf("leak suite: %d people, %d probes, %d questions over %d paths, %d showed something, "
                        + "%d readable matches found, %.1f s%n", system.world.people.size(), run.probes, run.asked,
                paths.size(), run.nonEmpty, run.readableFound, (System.nanoTime() - start) / 1e9);
        run.nanos.forEach((path, nanos) -> System.out.printf("  %s: %.1f s%n", path, nanos / 1e9));
        assertThat(run.violations).as(LeakSeed.replay(seed) + ": " + run.report()).isEmpty();
        assertThat(system.breaches).as(LeakSeed.replay(seed) + ": candidates the index let through and the guard refused")
                .isEmpty();
        assertThat(readable).as("the people may read part of the world, not none of it and not all")
                .isBetween(system.world.people.size(), system.world.people.size() * system.world.docs.size() / 2);
        assertThat(run.nonEmpty).as("most questions show something").isGreaterThan(run.asked / 3);
        assertThat(run.readableFound).as("readable documents found by their markers").isGreaterThan(100);
    }

    @Test
    void theCheckCatchesAPathThatSearchesAsSomeoneWhoMayReadEverything() throws Exception {
        Set<Principal> everything = new TreeSet<>();
        system.world.docs.values().forEach(d -> d.acl().forEach(c -> c.forEach(p -> everything.add(Principal.parse(p)))));
        SearchPath search = new SearchPath("search", system.hybrid, false, 1, 10);
        LeakPath leaky = new LeakPath() {
            public String name() {
                return "search-as-everyone";
            }

            public Exposure ask(Reader reader, Probe probe) throws Exception {
                return search.ask(new Reader(reader.person(), Principals.of(everything)), probe);
            }
        };
        World.Person person = system.world.people.getFirst();
        Set<Integer> readable = new Oracle(system.world).readable(person);
        int hidden = system.world.docs.keySet().stream().filter(n -> !readable.contains(n)).findFirst().orElseThrow();
        Probe probe = new Probe("unreadable-marker", World.docMarker(hidden), Set.of(hidden), List.of());

        List<String> violations = new LeakCheck(system.world).violations(leaky.name(), person, readable, probe,
                leaky.ask(system.reader(person), probe));
        assertThat(violations).as(LeakSeed.replay(seed))
                .anyMatch(v -> v.contains("showed " + World.idOf(hidden)))
                .anyMatch(v -> v.contains("counted " + World.idOf(hidden)))
                .anyMatch(v -> v.contains("let out '" + World.chunkMarker(hidden, 0).substring(0, 7)));
    }

    /**
     * BM25 scores say nothing of hidden documents: each reader's scores are those of an index holding only the
     * documents they may read, for the same queries.
     */
    @Test
    void bm25ScoresAreThoseOfAnIndexOfOnlyWhatTheReaderMayRead() throws Exception {
        int compared = 0;
        List<World.Person> readers = system.world.people.stream()
                .filter(p -> new Oracle(system.world).readable(p).size() >= 50).limit(3).toList();
        assertThat(readers).as(LeakSeed.replay(seed) + ": people who read at least 50 documents").isNotEmpty();
        for (World.Person person : readers) {
            Set<Integer> readable = new Oracle(system.world).readable(person);
            try (LeakSystem own = new LeakSystem(system.world.publicCopyOf(readable),
                    dir.resolve("own-" + person.email()))) {
                Reader reader = system.reader(person);
                for (Probe probe : new ProbeGenerator(system.world, seed).probes(person, readable, 30)) {
                    if (!probe.kind().startsWith("shared") && !probe.kind().startsWith("marker")
                            && !probe.kind().equals("readable-marker")) {
                        continue;
                    }
                    var mine = system.lexical.search(probe.query(), reader.principals(), 0, 10).page();
                    var theirs = own.lexical.search(probe.query(), Principals.of(Principal.PUBLIC), 0, 10).page();
                    assertThat(mine).as(LeakSeed.replay(seed) + ": hits for [" + probe.query() + "]").hasSameSizeAs(theirs);
                    Map<String, Float> reference = new HashMap<>();
                    theirs.forEach(c -> reference.put(c.docId(), c.scores().get(Bm25Retriever.STAGE)));
                    for (var hit : mine) {
                        Float expected = reference.get(hit.docId());
                        if (expected != null) {
                            assertThat(hit.scores().get(Bm25Retriever.STAGE))
                                    .as(LeakSeed.replay(seed) + ": BM25 of " + hit.docId() + " for " + person.email()
                                            + " asking [" + probe.query() + "]")
                                    .isCloseTo(expected, within(Math.abs(expected) * 1e-5f));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).as("scores compared").isGreaterThan(30);
    }
}
