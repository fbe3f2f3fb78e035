package dev.sextant.leak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks every path every probe for a person and keeps what the {@link LeakCheck} found, with counts that show
 * the run was not empty: how many questions were asked, how many exposures showed anything, how many documents
 * the person may read were found by their markers, and the principals the resolver and the oracle disagree on.
 */
final class LeakRun {

    private static final int KEPT = 25;

    private final LeakSystem system;
    private final Oracle oracle;
    private final LeakCheck check;
    private final List<LeakPath> paths;
    final List<String> violations = new ArrayList<>();
    int violationCount;
    int probes;
    int asked;
    int nonEmpty;
    int readableFound;
    /** Nanoseconds spent in each path, by name. */
    final Map<String, Long> nanos = new LinkedHashMap<>();

    LeakRun(LeakSystem system, List<LeakPath> paths) {
        this.system = system;
        this.oracle = new Oracle(system.world);
        this.check = new LeakCheck(system.world);
        this.paths = List.copyOf(paths);
    }

    Oracle oracle() {
        return oracle;
    }

    /** Resolves the person now, as a query would, and asks each path each probe. */
    void ask(World.Person person, List<Probe> probes) throws Exception {
        Set<Integer> readable = oracle.readable(person);
        Reader reader = system.reader(person);
        Set<String> resolved = new TreeSet<>(reader.principals().values());
        Set<String> expected = new TreeSet<>(oracle.principalsOf(person));
        if (!resolved.equals(expected)) {
            record("the resolver gives " + person.email() + " " + resolved + " where the world says " + expected);
        }
        for (Probe probe : probes) {
            this.probes++;
            for (LeakPath path : paths) {
                long start = System.nanoTime();
                Exposure e = path.ask(reader, probe);
                nanos.merge(path.name(), System.nanoTime() - start, Long::sum);
                asked++;
                if (!e.shown().isEmpty()) {
                    nonEmpty++;
                }
                if (probe.matches() != null && e.counted() != null) {
                    readableFound += (int) probe.matches().stream()
                            .filter(readable::contains).filter(n -> e.counted().contains(World.idOf(n))).count();
                }
                check.violations(path.name(), person, readable, probe, e).forEach(this::record);
            }
        }
    }

    private void record(String violation) {
        violationCount++;
        if (violations.size() < KEPT) {
            violations.add(violation);
        }
    }

    /** The first violations, one a line, for a failure message. */
    String report() {
        return violationCount + " violations (first " + violations.size() + "):\n  " + String.join("\n  ", violations);
    }
}
