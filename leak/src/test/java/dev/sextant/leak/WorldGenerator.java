package dev.sextant.leak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a {@link World} from a seed: the same seed, the same world. People in three domains with identity
 * provider groups and linked accounts on two sources; each source's groups nested up to four levels deep,
 * with a few cycles; documents of one to four chunks whose ACLs have one to eight clauses over all of these
 * (and some principals nobody holds), a few with no ACL at all.
 */
final class WorldGenerator {

    /** How big a world to make. */
    record Size(int docs, int people, int accountsPerSource, int groupsPerSource, int idpGroups, int vocabulary) {
    }

    static final List<String> SOURCES = List.of("github", "confluence");
    static final List<String> DOMAINS = List.of("northwind.example", "contoso.example", "fabrikam.example");
    private static final int LEVELS = 4;
    private static final String CONSONANTS = "bdfgklmnprtvz";
    private static final String VOWELS = "aiou";
    /** Clause counts 1..8, weighted towards few: most sources need one clause, Confluence several. */
    private static final int[] CLAUSE_WEIGHTS = {40, 22, 12, 8, 6, 5, 4, 3};

    private final Random random;
    private final Size size;
    private final List<String> accounts = new ArrayList<>();
    private final List<String> syncedGroups = new ArrayList<>();
    private final List<String> idpGroups = new ArrayList<>();

    private WorldGenerator(long seed, Size size) {
        this.random = new Random(seed);
        this.size = size;
    }

    static World generate(long seed, Size size) {
        return new WorldGenerator(seed, size).world(seed);
    }

    private World world(long seed) {
        for (int i = 0; i < size.idpGroups(); i++) {
            idpGroups.add("team-" + i);
        }
        for (String source : SOURCES) {
            for (int i = 0; i < size.accountsPerSource(); i++) {
                accounts.add("account:" + source + ":" + (1000 + i));
            }
        }
        World world = new World(seed, people(), vocabulary());
        link(world);
        groups(world);
        for (int n = 0; n < size.docs(); n++) {
            world.docs.put(n, doc(world, n));
        }
        return world;
    }

    private List<World.Person> people() {
        List<World.Person> people = new ArrayList<>();
        for (int i = 0; i < size.people(); i++) {
            double d = random.nextDouble();
            String domain = DOMAINS.get(d < 0.6 ? 0 : d < 0.9 ? 1 : 2);
            Set<String> groups = new TreeSet<>();
            int count = random.nextInt(4);
            for (int g = 0; g < count; g++) {
                groups.add(pick(idpGroups));
            }
            people.add(new World.Person("p" + i + "@" + domain, groups));
        }
        return people;
    }

    /** Each person gets up to two accounts; an account belongs to one person at most, many to nobody. */
    private void link(World world) {
        List<String> free = new ArrayList<>(accounts);
        Collections.shuffle(free, random);
        for (World.Person p : world.people) {
            int count = random.nextInt(3);
            for (int i = 0; i < count && !free.isEmpty(); i++) {
                world.links.computeIfAbsent(p.email(), e -> new TreeSet<>()).add(free.removeLast());
            }
        }
    }

    /**
     * Synced groups in {@value #LEVELS} levels: a group of level L contains one or two groups of level L - 1,
     * so memberships nest up to four deep; a few level-0 groups contain a top-level group, closing cycles.
     */
    private void groups(World world) {
        List<List<String>> levels = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            levels.add(new ArrayList<>());
        }
        for (String source : SOURCES) {
            for (int i = 0; i < size.groupsPerSource(); i++) {
                String group = "group:" + source + ":g" + i;
                syncedGroups.add(group);
                levels.get(i % LEVELS).add(group);
                world.members.put(group, new TreeSet<>());
            }
        }
        for (int level = 0; level < LEVELS; level++) {
            for (String group : levels.get(level)) {
                Set<String> members = world.members.get(group);
                int direct = random.nextInt(5);
                for (int m = 0; m < direct; m++) {
                    double r = random.nextDouble();
                    members.add(r < 0.45 ? "user:" + pick(world.people).email()
                            : r < 0.85 ? pick(accounts) : "group:idp:" + pick(idpGroups));
                }
                if (level > 0) {
                    int nested = 1 + random.nextInt(2);
                    for (int m = 0; m < nested; m++) {
                        members.add(pick(levels.get(level - 1)));
                    }
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            world.members.get(pick(levels.getFirst())).add(pick(levels.getLast()));
        }
    }

    private World.Doc doc(World world, int n) {
        int chunkCount = random.nextDouble() < 0.25 ? 2 + random.nextInt(3) : 1;
        List<String> chunks = new ArrayList<>();
        for (int c = 0; c < chunkCount; c++) {
            List<String> words = new ArrayList<>();
            int length = 15 + random.nextInt(21);
            for (int w = 0; w < length; w++) {
                words.add(word(world));
            }
            words.add(random.nextInt(words.size() + 1), World.docMarker(n));
            words.add(random.nextInt(words.size() + 1), World.chunkMarker(n, c));
            chunks.add(String.join(" ", words));
        }
        String title = "Note " + World.docMarker(n) + " " + word(world) + " " + word(world);
        return new World.Doc(n, acl(world), title, chunks);
    }

    /** Shared words, skewed so that a few are common and most are rare. */
    private String word(World world) {
        double u = random.nextDouble();
        return world.vocabulary.get((int) (u * u * world.vocabulary.size()));
    }

    private List<Set<String>> acl(World world) {
        if (random.nextDouble() < 0.04) {
            return List.of();
        }
        int clauses = weighted(CLAUSE_WEIGHTS) + 1;
        List<Set<String>> acl = new ArrayList<>();
        for (int c = 0; c < clauses; c++) {
            Set<String> clause = new TreeSet<>();
            int width = 1 + random.nextInt(4);
            for (int p = 0; p < width; p++) {
                clause.add(principal(world));
            }
            acl.add(clause);
        }
        return acl;
    }

    private String principal(World world) {
        double r = random.nextDouble();
        if (r < 0.22) {
            return "user:" + pick(world.people).email();
        } else if (r < 0.26) {
            return "user:stranger" + random.nextInt(50) + "@" + pick(DOMAINS);
        } else if (r < 0.44) {
            return pick(accounts);
        } else if (r < 0.58) {
            return "group:idp:" + pick(idpGroups);
        } else if (r < 0.80) {
            return pick(syncedGroups);
        } else if (r < 0.91) {
            return "domain:" + pick(DOMAINS);
        }
        return World.PUBLIC;
    }

    /** Distinct made-up words that English analysis leaves as they are: they end in a digit. */
    private List<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < size.vocabulary()) {
            words.add("" + letter(CONSONANTS) + letter(VOWELS) + letter(CONSONANTS) + letter(VOWELS)
                    + random.nextInt(10));
        }
        return new ArrayList<>(words);
    }

    private char letter(String letters) {
        return letters.charAt(random.nextInt(letters.length()));
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
