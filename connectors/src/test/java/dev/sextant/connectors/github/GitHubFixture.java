package dev.sextant.connectors.github;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.extract.BoundedExtractor;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fake organisation {@code acme} for the connector contract and the sync benchmark: owner alice; bob in team
 * {@code engineering}, carol in its child team {@code platform-team}, dan in {@code finance}; erin an outside
 * collaborator. Repositories: {@code payroll} (private: erin, team finance), {@code platform} (internal) and
 * {@code handbook} (public). {@link #seed} adds Markdown files round the three repositories and, as every other
 * document, issues in {@code platform} (every fourth with a comment), in one commit per repository, so that ten
 * thousand documents take seconds.
 */
public final class GitHubFixture implements SourceFixture {

    public static final String SOURCE_ID = "github-acme";
    static final String ORG = "acme";
    static final String TOKEN = "ghp_fixture0000000000000000000000000000";

    private static final String[] FILE_REPOS = {"payroll", "platform", "handbook"};

    final FakeGitHub server;
    final FakeGitHubOrg.User alice;
    final FakeGitHubOrg.User bob;
    final FakeGitHubOrg.User carol;
    final FakeGitHubOrg.User dan;
    final FakeGitHubOrg.User erin;
    private final int pageSize;
    private final List<String> fileIds = new ArrayList<>();
    private final Map<String, String> fileRepo = new LinkedHashMap<>();
    private int next;
    private int edits;
    private int shares;

    /** GitHub's own page size, 100: what the benchmark runs against. */
    public GitHubFixture() throws IOException {
        this(100);
    }

    public GitHubFixture(int pageSize) throws IOException {
        this.pageSize = pageSize;
        this.server = new FakeGitHub(ORG, pageSize);
        server.token(TOKEN, "repo, read:org, user:email");
        var people = new Object() {
            FakeGitHubOrg.User alice, bob, carol, dan, erin;
        };
        server.edit(org -> {
            people.alice = org.member("alice", "alice@acme.example");
            org.owner(people.alice);
            people.bob = org.member("bob", "bob@acme.example");
            people.carol = org.member("carol", null);
            people.dan = org.member("dan", "dan@acme.example");
            people.erin = org.user("erin", "erin@contractor.example");
            org.team("engineering", null);
            org.team("platform-team", "engineering");
            org.team("finance", null);
            org.joinTeam("engineering", people.bob);
            org.joinTeam("platform-team", people.carol);
            org.joinTeam("finance", people.dan);
            FakeGitHubOrg.Repo payroll = org.repo("payroll", "private");
            payroll.collaborators.add(people.erin.id());
            payroll.teams.add("finance");
            org.repo("platform", "internal");
            org.repo("handbook", "public");
        });
        alice = people.alice;
        bob = people.bob;
        carol = people.carol;
        dan = people.dan;
        erin = people.erin;
    }

    public FakeGitHub server() {
        return server;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public void seed(int documents) {
        server.edit(org -> {
            Map<String, Map<String, byte[]>> changes = new LinkedHashMap<>();
            for (int i = 0; i < documents; i++) {
                int k = next++;
                if (k % 2 == 0) {
                    FakeGitHubOrg.Issue issue = org.issue(org.repo("platform"), bob, "Issue " + k,
                            "The deploy of service " + k + " fails when the cache is cold.", k % 6 == 0);
                    if (k % 4 == 0) {
                        org.comment(org.repo("platform"), issue, carol, "Seen it on node " + k + " too.");
                    }
                } else {
                    String repo = FILE_REPOS[(k / 2) % FILE_REPOS.length];
                    String path = "docs/note-" + k + ".md";
                    changes.computeIfAbsent(repo, r -> new LinkedHashMap<>()).put(path, note(k, 0));
                    String id = fileId(org, repo, path);
                    fileIds.add(id);
                    fileRepo.put(id, repo);
                }
            }
            changes.forEach((repo, files) -> org.commit(org.repo(repo), files, Set.of()));
        });
    }

    private static byte[] note(int k, int revision) {
        return ("# Note " + k + "\n\nHow the team handles topic " + k + (revision == 0 ? "" : ", revised " + revision)
                + ". The runbook says to check the dashboards first.\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Set<String> documentIds() {
        return server.read(org -> {
            Set<String> ids = new TreeSet<>();
            for (FakeGitHubOrg.Repo repo : org.repos.values()) {
                if (repo.archived) {
                    continue;
                }
                if (repo.head() != null) {
                    repo.head().files().keySet().forEach(p -> ids.add(SOURCE_ID + ":" + repo.id + ":file:" + p));
                }
                repo.issues.keySet().forEach(n -> ids.add(SOURCE_ID + ":" + repo.id + ":issue:" + n));
            }
            return ids;
        });
    }

    @Override
    public String editContent() {
        String id = fileIds.getFirst();
        String path = id.substring(id.indexOf(":file:") + ":file:".length());
        int k = Integer.parseInt(path.replaceAll("\\D", ""));
        int revision = ++edits;
        server.edit(org -> org.commit(org.repo(fileRepo.get(id)), Map.of(path, note(k, revision)), Set.of()));
        return id;
    }

    /** Shares {@code payroll} with one more outside collaborator. */
    @Override
    public AclChange changeAcl() {
        String id = fileIds.stream().filter(f -> fileRepo.get(f).equals("payroll")).findFirst().orElseThrow();
        int n = ++shares;
        List<Principal> readers = new ArrayList<>();
        server.edit(org -> {
            FakeGitHubOrg.User guest = org.user("guest" + n, null);
            org.repo("payroll").collaborators.add(guest.id());
            org.repo("payroll").collaborators.forEach(c -> readers.add(Principal.account("github", Long.toString(c))));
        });
        readers.add(Principal.group("github", "acme/finance"));
        readers.add(Principal.group("github", "acme/owners"));
        return new AclChange(id, Acl.of(AclClause.of(readers)));
    }

    @Override
    public String deleteDocument() {
        String id = fileIds.removeLast();
        String path = id.substring(id.indexOf(":file:") + ":file:".length());
        server.edit(org -> org.commit(org.repo(fileRepo.get(id)), Map.of(), Set.of(path)));
        return id;
    }

    @Override
    public void refuseNextWithRateLimit(Duration resetIn) {
        server.primaryLimitNext(resetIn.toSeconds());
    }

    @Override
    public void failNext(int requests, int status) {
        server.failNext(requests, status);
    }

    @Override
    public void stallNext(int requests) {
        server.stallNext(requests);
    }

    @Override
    public SourceConnector connector(HttpSettings settings, HttpObserver observer) {
        return connector(SourceHttp.create(settings, GitHubRateLimits.rule(), observer));
    }

    /** A token-authenticated connector over this HTTP client (kept across syncs, its ETags with it). */
    public SourceConnector connector(SourceHttp http) {
        return connector(http, definition(Map.of(), Map.of("token", TOKEN)), Clock.systemUTC());
    }

    SourceConnector connector(SourceHttp http, SourceDefinition definition, Clock clock) {
        ExtractionLimits limits = ExtractionLimits.defaults();
        ConnectorContext context = new ConnectorContext(http, new BoundedExtractor(TextExtractor.standard(limits),
                limits), limits, 10L * 1024 * 1024, clock);
        try {
            return new GitHubConnectorFactory().create(definition, context);
        } catch (InvalidSourceException e) {
            throw new IllegalStateException(e);
        }
    }

    SourceDefinition definition(Map<String, String> settings, Map<String, String> secrets) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("base_url", server.base().toString(), "org", ORG));
        all.putAll(settings);
        return new SourceDefinition(SOURCE_ID, "github", all, secrets);
    }

    static String fileId(FakeGitHubOrg org, String repo, String path) {
        return SOURCE_ID + ":" + org.repo(repo).id + ":file:" + path;
    }

    @Override
    public void close() {
        server.close();
    }

    /** For callers that cannot throw: a fixture or an unchecked failure. */
    public static GitHubFixture start() {
        try {
            return new GitHubFixture();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
