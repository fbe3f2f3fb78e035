package dev.sextant.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.reranker.llm.fake.OpenAiFake;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The world changes, and the next query sees it: a person removed from a group, a document re-permissioned or
 * deleted, an identity unlinked, a group nested into another. The changes pile up on one world, each picked
 * from the world as the earlier ones left it. Each change is picked so that the oracle's answer
 * changes for someone; the documents whose readability changed are asked for by their markers before (found by
 * who could read them) and after (gone for who lost them, found by who gained them), with random probes beside,
 * through every path.
 */
class LeakMutationTest {

    static final WorldGenerator.Size SIZE = new WorldGenerator.Size(1500, 30, 40, 16, 6, 300);
    private static final int RANDOM_PROBES = 3;
    /** At most this many of the documents a change touches are asked for, by at most this many people. */
    private static final int TOUCHED = 3;
    private static final int ASKING = 5;

    @TempDir
    static Path dir;
    private static long seed;
    private static LeakSystem system;
    private static OpenAiFake fake;
    private static List<LeakPath> paths;
    private LeakRun run;
    private static ProbeGenerator probes;

    @BeforeAll
    static void world() throws Exception {
        seed = LeakSeed.draw();
        System.out.println("leak mutations: " + LeakSeed.replay(seed));
        system = new LeakSystem(WorldGenerator.generate(seed, SIZE), dir);
        fake = OpenAiFake.start();
        paths = LeakPaths.all(system, fake, 1);
        probes = new ProbeGenerator(system.world, seed);
    }

    @BeforeEach
    void freshRun() {
        run = new LeakRun(system, paths);
    }

    @AfterAll
    static void close() throws Exception {
        fake.close();
        system.close();
    }

    /** A change to the world and the system both. */
    @FunctionalInterface
    interface Change {
        void apply() throws Exception;
    }

    @Test
    void removingAPersonFromAGroupTakesTheirReadingAwayOnTheNextQuery() throws Exception {
        Target<String[]> t = firstThatChanges(groupMemberships(), m -> system.world.members.get(m[0]).remove(m[1]),
                m -> system.world.members.get(m[0]).add(m[1])).orElseThrow(() ->
                new AssertionError(LeakSeed.replay(seed) + ": no group membership that someone reads through"));
        String[] m = t.candidate();
        checkAround("remove " + m[1] + " from " + m[0], t.docs(), () -> system.removeMember(m[0], m[1]));
    }

    @Test
    void unlinkingAnIdentityTakesItsAccountsReadingAway() throws Exception {
        List<String[]> links = new ArrayList<>();
        system.world.links.forEach((email, accounts) -> accounts.forEach(a -> links.add(new String[] {email, a})));
        Target<String[]> t = firstThatChanges(links, l -> system.world.links.get(l[0]).remove(l[1]),
                l -> system.world.links.get(l[0]).add(l[1])).orElseThrow(() ->
                new AssertionError(LeakSeed.replay(seed) + ": no identity link that someone reads through"));
        String[] l = t.candidate();
        checkAround("unlink " + l[1] + " from " + l[0], t.docs(), () -> system.unlink(l[0], l[1]));
    }

    @Test
    void nestingAGroupIntoAnotherGivesItsMembersTheOuterGroupsReading() throws Exception {
        List<String[]> edges = new ArrayList<>();
        for (String outer : system.world.members.keySet()) {
            for (String inner : system.world.members.keySet()) {
                if (!outer.equals(inner) && !system.world.members.get(outer).contains(inner)) {
                    edges.add(new String[] {outer, inner});
                }
            }
        }
        Target<String[]> t = firstThatChanges(edges, e -> system.world.members.get(e[0]).add(e[1]),
                e -> system.world.members.get(e[0]).remove(e[1])).orElseThrow(() ->
                new AssertionError(LeakSeed.replay(seed) + ": no nesting that widens someone's reading"));
        String[] e = t.candidate();
        checkAround("nest " + e[1] + " into " + e[0], t.docs(), () -> system.addMember(e[0], e[1]));
    }

    @Test
    void revokingADocumentHidesItOnTheNextQuery() throws Exception {
        int widest = mostRead();
        checkAround("revoke " + World.idOf(widest), Set.of(widest),
                () -> system.changeAcl(widest, List.of(Set.of("user:nobody@northwind.example"))));
    }

    @Test
    void narrowingADocumentsAclHidesItFromThoseLeftOut() throws Exception {
        int widest = mostRead();
        World.Person keeper = system.world.people.stream()
                .filter(p -> run.oracle().readable(p).contains(widest)).findFirst().orElseThrow();
        List<Set<String>> narrowed = new ArrayList<>(system.world.docs.get(widest).acl());
        narrowed.add(Set.of("user:" + keeper.email()));
        checkAround("narrow " + World.idOf(widest) + " to " + keeper.email(), Set.of(widest), () -> system.changeAcl(widest, narrowed));
    }

    @Test
    void aDeletedDocumentIsGoneOnTheNextQuery() throws Exception {
        int widest = mostRead();
        checkAround("delete " + World.idOf(widest), Set.of(widest), () -> system.delete(widest));
    }

    /**
     * Asks everyone for the documents the change touches, by their markers, before the change (who may read them
     * finds them) and after it (who lost them does not, who gained them does), with random probes of everyone
     * whose reading changed; nothing may leak either time, and the oracle must see a change.
     */
    private void checkAround(String what, Set<Integer> touched, Change change) throws Exception {
        List<Probe> markers = touched.stream().limit(TOUCHED)
                .map(n -> new Probe("touched-marker", World.docMarker(n), Set.of(n), List.of())).toList();
        Map<World.Person, Set<Integer>> before = readable();
        List<World.Person> asking = system.world.people.stream()
                .filter(p -> touched.stream().anyMatch(before.get(p)::contains)).limit(ASKING).toList();
        for (World.Person p : asking) {
            run.ask(p, markers);
        }
        assertThat(run.violations).as(LeakSeed.replay(seed) + ", before '" + what + "': " + run.report()).isEmpty();
        change.apply();
        Map<World.Person, Set<Integer>> after = readable();
        List<World.Person> changed = system.world.people.stream().filter(p -> !before.get(p).equals(after.get(p))).toList();
        Set<World.Person> askingAfter = new java.util.LinkedHashSet<>(asking);
        askingAfter.addAll(changed.subList(0, Math.min(ASKING, changed.size())));
        for (World.Person p : askingAfter) {
            List<Probe> asked = new ArrayList<>(markers);
            asked.addAll(probes.probes(p, after.get(p), RANDOM_PROBES));
            run.ask(p, asked);
        }
        System.out.printf("leak mutations: %s changed %d people's reading; %d questions%n", what, changed.size(), run.asked);
        assertThat(changed).as(LeakSeed.replay(seed) + ": " + what + " changes what someone may read").isNotEmpty();
        assertThat(run.violations).as(LeakSeed.replay(seed) + ", after '" + what + "': " + run.report()).isEmpty();
        assertThat(system.breaches).as(LeakSeed.replay(seed) + ": candidates the guard refused").isEmpty();
    }

    /** A change to try, and the documents whose readability it changes for someone. */
    record Target<T>(T candidate, Set<Integer> docs) {
    }

    /** The first candidate whose change changes what someone may read; the world is left as it was. */
    private <T> Optional<Target<T>> firstThatChanges(List<T> candidates, Consumer<T> change, Consumer<T> undo) {
        Map<World.Person, Set<Integer>> before = readable();
        for (T c : candidates) {
            change.accept(c);
            Map<World.Person, Set<Integer>> after = readable();
            undo.accept(c);
            Set<Integer> docs = new TreeSet<>();
            for (World.Person p : system.world.people) {
                Set<Integer> gained = new TreeSet<>(after.get(p));
                gained.removeAll(before.get(p));
                Set<Integer> lost = new TreeSet<>(before.get(p));
                lost.removeAll(after.get(p));
                docs.addAll(gained);
                docs.addAll(lost);
            }
            if (!docs.isEmpty()) {
                return Optional.of(new Target<>(c, docs));
            }
        }
        return Optional.empty();
    }

    /** Direct members of synced groups that are people or their accounts: what a group sync can take away. */
    private List<String[]> groupMemberships() {
        List<String[]> memberships = new ArrayList<>();
        system.world.members.forEach((group, members) -> members.stream()
                .filter(m -> m.startsWith("user:") || m.startsWith("account:"))
                .forEach(m -> memberships.add(new String[] {group, m})));
        return memberships;
    }

    private int mostRead() {
        Map<Integer, Integer> readers = new LinkedHashMap<>();
        readable().values().forEach(docs -> docs.forEach(n -> readers.merge(n, 1, Integer::sum)));
        return readers.entrySet().stream().filter(e -> e.getValue() < system.world.people.size())
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private Map<World.Person, Set<Integer>> readable() {
        Map<World.Person, Set<Integer>> readable = new LinkedHashMap<>();
        system.world.people.forEach(p -> readable.put(p, run.oracle().readable(p)));
        return readable;
    }
}
