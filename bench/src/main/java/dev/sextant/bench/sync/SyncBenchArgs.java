package dev.sextant.bench.sync;

import dev.sextant.bench.Flags;
import dev.sextant.bench.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code ./sextant sync-bench}. */
record SyncBenchArgs(List<String> fixtures, int documents, int embeddedDocuments, Path out) {

    static final String USAGE = """
            Usage: ./sextant sync-bench --out REPORT.json [--fixture CLASS]... [--docs N] [--embedded-docs M]

            Syncs each fake source (a SourceFixture class from the connectors' test jar, e.g.
            dev.sextant.connectors.github.GitHubFixture) seeded with N documents into a fresh Lucene index:
            a first sync with embedding excluded (a model-free embedder), an unchanged re-sync (nothing may be
            re-read or re-embedded), and a first sync of M documents with bge-small (embedding included).
            Reports documents/s, chunks embedded and requests per 1,000 documents.
              --fixture CLASS     repeatable; default dev.sextant.connectors.reference.NotesFixture
              --docs N            documents per fake source (default 2000)
              --embedded-docs M   documents for the run with the model (default 100; 0 skips it)
            """;

    static SyncBenchArgs parse(String[] args) {
        List<String> fixtures = new ArrayList<>();
        int documents = 2000;
        int embedded = 100;
        Path out = null;
        Flags flags = new Flags(args);
        while (flags.next()) {
            switch (flags.flag()) {
                case "--fixture" -> fixtures.add(flags.value());
                case "--docs" -> documents = positive(flags);
                case "--embedded-docs" -> embedded = Math.max(0, Integer.parseInt(flags.value()));
                case "--out" -> out = Path.of(flags.value());
                default -> throw new UsageException("unknown option " + flags.flag());
            }
        }
        if (out == null) {
            throw new UsageException("--out is required");
        }
        if (fixtures.isEmpty()) {
            fixtures.add("dev.sextant.connectors.reference.NotesFixture");
        }
        return new SyncBenchArgs(List.copyOf(fixtures), documents, embedded, out);
    }

    private static int positive(Flags flags) {
        try {
            int n = Integer.parseInt(flags.value());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException(flags.flag() + " needs a positive number, not '" + flags.value() + "'");
    }
}
