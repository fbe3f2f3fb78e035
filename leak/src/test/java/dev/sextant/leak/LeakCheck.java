package dev.sextant.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one {@link Exposure} against the {@link Oracle}: no document shown, cited or counted that the person
 * may not read; no marker in any text of a document they may not read (unless they typed it themselves); a total
 * no larger than what they may read, equal to what was counted; every readable document the query matches by
 * its words found; and, where only words matched, a total of exactly the readable matches.
 */
final class LeakCheck {

    private final World world;

    LeakCheck(World world) {
        this.world = world;
    }

    /** @param readable the numbers of the documents the person may read, from the oracle */
    List<String> violations(String path, World.Person person, Set<Integer> readable, Probe probe, Exposure e) {
        List<String> found = new ArrayList<>();
        String where = path + " for " + person.email() + " asking [" + probe.query() + "] (" + probe.kind() + ")";
        for (String id : e.shown()) {
            if (!readable(id, readable)) {
                found.add(where + " showed " + id + ", which they may not read");
            }
        }
        if (e.counted() != null) {
            for (String id : e.counted()) {
                if (!readable(id, readable)) {
                    found.add(where + " counted " + id + ", which they may not read");
                }
            }
        }
        for (String text : e.texts()) {
            for (World.Named named : World.named(text == null ? "" : text)) {
                if (!readable.contains(named.number()) && e.typed().stream().noneMatch(t -> t.contains(named.token()))) {
                    found.add(where + " let out '" + named.token() + "' of a document they may not read, in: "
                            + shorten(text));
                }
            }
        }
        if (e.total() != null) {
            if (e.total() > readable.size()) {
                found.add(where + " reported a total of " + e.total() + ", above the " + readable.size()
                        + " documents they may read");
            }
            if (e.counted() != null && e.total() != e.counted().size()) {
                found.add(where + " reported a total of " + e.total() + " but counted " + e.counted().size());
            }
        }
        if (probe.matches() != null && e.counted() != null) {
            Set<Integer> expected = new TreeSet<>(probe.matches());
            expected.retainAll(world.docs.keySet());
            expected.retainAll(readable);
            for (int n : expected) {
                if (!e.counted().contains(World.idOf(n))) {
                    found.add(where + " did not find " + World.idOf(n) + ", which they may read and the query matches");
                }
            }
            if (e.lexical() && e.total() != null && e.total() != expected.size()) {
                found.add(where + " reported a total of " + e.total() + " where " + expected.size()
                        + " readable documents match: " + expected);
            }
        }
        return found;
    }

    private static boolean readable(String id, Set<Integer> readable) {
        try {
            return readable.contains(World.numberOf(id));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
