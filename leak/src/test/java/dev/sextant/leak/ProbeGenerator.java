package dev.sextant.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The questions one person asks, seeded: mostly marker tokens of documents they may not read (alone, ORed,
 * excluded, as prefixes), then shared words, phrases and prefixes that match across ACLs, and query syntax that
 * names index fields or asks for everything ({@code acl_0:public}, {@code title:x}, {@code *:*}). Where the
 * documents a query matches by its words follow from the markers alone, the probe says which they are. About
 * half the probes continue a conversation of one or two earlier questions.
 */
final class ProbeGenerator {

    private final World world;
    private final Random random;

    ProbeGenerator(World world, long seed) {
        this.world = world;
        this.random = new Random(seed);
    }

    List<Probe> probes(World.Person person, Set<Integer> readable, int count) {
        List<Integer> mine = new ArrayList<>(readable);
        List<Integer> others = new ArrayList<>(world.docs.keySet());
        others.removeAll(readable);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Probe p = probe(person, mine, others);
            List<String> earlier = new ArrayList<>();
            if (!probes.isEmpty() && random.nextBoolean()) {
                int back = Math.min(probes.size(), 1 + random.nextInt(2));
                probes.subList(probes.size() - back, probes.size()).forEach(q -> earlier.add(q.query()));
            }
            probes.add(new Probe(p.kind(), p.query(), p.matches(), earlier));
        }
        return probes;
    }

    private Probe probe(World.Person person, List<Integer> mine, List<Integer> others) {
        int unreadable = others.isEmpty() ? pick(mine) : pick(others);
        int any = random.nextInt(4) == 0 && !mine.isEmpty() ? pick(mine) : unreadable;
        String a = World.docMarker(unreadable);
        double r = random.nextDouble();
        if (r < 0.22) {
            return probe("unreadable-marker", a, Set.of(unreadable));
        } else if (r < 0.32 && !mine.isEmpty()) {
            int n = pick(mine);
            return probe("readable-marker", World.docMarker(n), Set.of(n));
        } else if (r < 0.40) {
            Set<Integer> docs = new TreeSet<>(List.of(unreadable, any, pick(others.isEmpty() ? mine : others)));
            List<String> markers = docs.stream().map(World::docMarker).toList();
            String query = random.nextBoolean() ? String.join(" ", markers) : "(" + String.join(" | ", markers) + ")";
            return probe("markers-or", query, docs);
        } else if (r < 0.48) {
            int decade = any / 10;
            Set<Integer> docs = new TreeSet<>();
            for (int n = decade * 10; n < decade * 10 + 10; n++) {
                docs.add(n);
            }
            Function<Integer, String> marker = random.nextBoolean() ? World::docMarker : n -> World.chunkMarker(n, 0);
            String prefix = marker.apply(decade * 10);
            return probe("marker-prefix", prefix.substring(0, 6) + "*", docs);
        } else if (r < 0.53 && !mine.isEmpty()) {
            int n = pick(mine);
            return probe("must-not", "+" + World.docMarker(n) + " -" + a, null);
        } else if (r < 0.68) {
            int words = 1 + random.nextInt(3);
            List<String> w = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                w.add(word());
            }
            return probe("shared-words", String.join(" ", w), null);
        } else if (r < 0.75) {
            String phrase = random.nextBoolean() ? word() + " " + word() : a + " " + word();
            return probe("phrase", "\"" + phrase + "\"", null);
        } else if (r < 0.80) {
            return probe("shared-prefix", word().substring(0, 3) + "*", null);
        } else if (r < 0.85) {
            return probe("mixed", word() + " " + a + " " + word(), null);
        }
        return probe("field-syntax", fieldSyntax(person, unreadable), null);
    }

    /** Query syntax that tries to name an index field, the ACL fields above all, or to match everything. */
    private String fieldSyntax(World.Person person, int n) {
        String a = World.docMarker(n);
        String other = pick(world.people).email();
        List<String> attempts = List.of(
                "acl_0:public " + a, "acl_0:* " + a, "+acl_0:* +" + a, "acl_1:\\* " + a, "acl_7:* " + a,
                "title:" + a, "content:" + a, "doc_id:" + World.idOf(n), "chunk_id:" + World.idOf(n) + "#0",
                "*:*", "*", "public", "acl:public " + a, a + "~1", "\"" + a + " " + word() + "\"~5",
                "user:" + other + " " + a, "group:idp:team-1 " + a, a + "^10", "(" + a + " | *) -" + word(),
                "domain:" + person.domain(), "account:github:1000 " + a, "-" + word(), "+* -" + word(),
                "acl_0:group\\:github\\:g1 " + a, a.substring(0, 4) + "*");
        return attempts.get(random.nextInt(attempts.size()));
    }

    private Probe probe(String kind, String query, Set<Integer> matches) {
        return new Probe(kind, query, matches, List.of());
    }

    private String word() {
        return world.vocabulary.get(random.nextInt(world.vocabulary.size()));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
