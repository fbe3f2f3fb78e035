package dev.sextant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small BEIR folder: 10 documents on distinct subjects, 3 test queries each aimed at one of them. */
final class TinyBeir {

    private TinyBeir() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("qrels"));
        Files.write(dir.resolve("corpus.jsonl"), List.of(
                doc("d0", "Photosynthesis in chloroplasts", "Chloroplasts convert light into chemical energy."),
                doc("d1", "Volcanic eruptions", "Magma rises through the crust and erupts as lava."),
                doc("d2", "Insulin and glucose", "Insulin lowers blood glucose by promoting uptake into cells."),
                doc("d3", "", "Penguins live in the southern hemisphere and cannot fly."),
                doc("d4", "Tidal forces", "The moon's gravity raises tides in the oceans."),
                doc("d5", "Sourdough baking", "Wild yeast and lactobacilli leaven sourdough bread."),
                doc("d6", "Jazz improvisation", "Musicians improvise over chord changes in jazz."),
                doc("d7", "Glacier retreat", "Glaciers retreat as summer melt exceeds winter snowfall."),
                doc("d8", "Bee navigation", "Honeybees communicate the direction of flowers by a waggle dance."),
                doc("d9", "Compiler optimisation", "Inlining and loop unrolling make compiled programs faster.")));
        Files.write(dir.resolve("queries.jsonl"), List.of(
                "{\"_id\":\"q1\",\"text\":\"does insulin lower blood glucose?\"}",
                "{\"_id\":\"q2\",\"text\":\"\\\"waggle dance of honeybees (direction\"}",
                "{\"_id\":\"q3\",\"text\":\"why can penguins not fly\"}",
                "{\"_id\":\"q4\",\"text\":\"a train query\"}"));
        Files.write(dir.resolve("qrels").resolve("test.tsv"), List.of(
                "query-id\tcorpus-id\tscore", "q1\td2\t1", "q2\td8\t1", "q3\td3\t2", "q3\td1\t0"));
        return dir;
    }

    private static String doc(String id, String title, String text) {
        return "{\"_id\":\"%s\",\"title\":\"%s\",\"text\":\"%s\",\"metadata\":{}}".formatted(id, title, text);
    }
}
