package dev.sextant.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.reranker.llm.fake.OpenAiFake;
import java.nio.file.Path;
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
}
