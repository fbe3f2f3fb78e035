package dev.sextant.bench.jmh;

import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What every query pays to resolve its reader: {@link PrincipalResolver} over an in-memory directory (the form the
 * gateway keeps the synced groups and identity links in) for a person in 1, 100 or 5,000 groups. A tenth of the
 * person's groups are direct (the person's email, or one of their two linked source accounts); each of the rest
 * contains an earlier one, so that it is reached through nesting, some chains many levels deep; the directory also holds {@value #OTHER_PEOPLE} other people's
 * memberships, so that the lookups are not in a toy map.
 */
public class PrincipalResolutionBenchmark extends HotPathBenchmark {

    static final int OTHER_PEOPLE = 20_000;
    static final String EMAIL = "reader@example.com";

    @Param({"1", "100", "5000"})
    public int groups;

    private PrincipalResolver resolver;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        MemoryDirectory.Builder directory = MemoryDirectory.builder();
        List<Principal> identities = List.of(Principal.user(EMAIL), Principal.account("github", "9001"),
                Principal.account("confluence", "5b10ac"));
        directory.link(EMAIL, identities.get(1)).link(EMAIL, identities.get(2));
        int direct = Math.max(1, groups / 10);
        for (int g = 0; g < groups; g++) {
            Principal group = Principal.group("google", "g" + g + "@example.com");
            if (g < direct) {
                directory.member(group, identities.get(g % identities.size()));
            } else {
                int parent = random.nextInt(Math.max(1, g - 1) / 3 + 1) + Math.max(0, g - 3 * direct);
                directory.member(group, Principal.group("google", "g" + Math.min(parent, g - 1) + "@example.com"));
            }
        }
        for (int p = 0; p < OTHER_PEOPLE; p++) {
            directory.member(Principal.group("google", "other" + random.nextInt(5_000) + "@example.com"),
                    Principal.user("person" + p + "@example.com"));
        }
        resolver = new PrincipalResolver(directory.build());
        int resolved = resolve().all().size();
        if (resolved != groups + 6) {
            throw new IllegalStateException("the reader resolves to " + resolved + " principals, not " + groups
                    + " groups and the email, two accounts, the idp group, the domain and public");
        }
    }

    @Benchmark
    public Principals resolve() {
        return resolver.resolve(EMAIL, List.of("staff"));
    }
}
