package dev.sextant.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.spi.SourceIdentity;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Permissions as GitHub states them reach readers through synced groups and identities, resolved per query. */
class GitHubAccessTest {

    private GitHubFixture fixture;
    private final RecordingDirectory directory = new RecordingDirectory();
    private final MemoryIndex index = new MemoryIndex();

    @BeforeEach
    void start() throws Exception {
        fixture = new GitHubFixture(3);
        fixture.server.edit(org -> org.repo("payroll").teams.add("engineering"));
        fixture.seed(12);
        sync();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void sync() throws Exception {
        index.sync(new SourceSync(fixture.connector(settings(), HttpObserver.NONE),
                directory));
    }

    private static HttpSettings settings() {
        return HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private Principals reader(String email) {
        return new PrincipalResolver(directory.directory(Map.of("carol@acme.example",
                GitHubPrincipals.account(fixture.carol.id())))).resolve(email, List.of());
    }

    private Acl payrollAcl() {
        return index.documents().values().stream().filter(d -> d.url().contains("/payroll/")).findFirst()
                .orElseThrow().acl();
    }

    @Test
    void aTeamMembershipChangeMovesAccessOnTheNextQueryWithoutReindexing() throws Exception {
        assertThat(payrollAcl().admits(reader("dan@acme.example"))).as("dan, in team finance").isTrue();
        assertThat(payrollAcl().admits(reader("bob@acme.example"))).as("bob, in engineering only").isTrue();
        assertThat(payrollAcl().admits(reader("carol@acme.example"))).as("carol, in a child team of engineering")
                .isTrue();
        assertThat(payrollAcl().admits(reader("mallory@elsewhere.example"))).isFalse();

        fixture.server.edit(org -> {
            org.leaveTeam("finance", fixture.dan);
            org.leaveTeam("engineering", fixture.bob);
        });
        index.resetCounts();
        sync();

        assertThat(index.contentWrites() + index.aclWrites() + index.deletes()).as("writes to the index").isZero();
        assertThat(payrollAcl().admits(reader("dan@acme.example"))).as("dan left finance").isFalse();
        assertThat(payrollAcl().admits(reader("bob@acme.example"))).as("bob left engineering").isFalse();
        assertThat(payrollAcl().admits(reader("alice@acme.example"))).as("alice owns the organisation").isTrue();
    }

    @Test
    void groupsNameTeamsNestedByParentOwnersAndMembers() {
        Principal engineering = GitHubPrincipals.team("acme", "engineering");
        assertThat(directory.groups.get(engineering)).contains(GitHubPrincipals.team("acme", "platform-team"),
                GitHubPrincipals.account(fixture.bob.id()));
        assertThat(directory.groups.get(GitHubPrincipals.owners("acme")))
                .containsExactly(GitHubPrincipals.account(fixture.alice.id()));
        assertThat(directory.groups.get(GitHubPrincipals.members("acme"))).hasSize(4)
                .doesNotContain(GitHubPrincipals.account(fixture.erin.id()));
    }

    @Test
    void identitiesCarryPublicEmailsAndTheRestAreUnmapped() {
        assertThat(directory.identities).contains(
                new SourceIdentity(GitHubPrincipals.account(fixture.bob.id()), "bob", Optional.of("bob@acme.example")),
                new SourceIdentity(GitHubPrincipals.account(fixture.carol.id()), "carol", Optional.empty()),
                new SourceIdentity(GitHubPrincipals.account(fixture.erin.id()), "erin",
                        Optional.of("erin@contractor.example")));
        assertThat(payrollAcl().admits(reader("erin@contractor.example"))).as("erin, an outside collaborator").isTrue();
    }

    @Test
    void publicInternalAndPrivateRepositoriesMapToTheirReaders() {
        Principals outsider = reader("mallory@elsewhere.example");
        Principals member = reader("dan@acme.example");
        index.documents().values().forEach(d -> {
            if (d.url().contains("/handbook/")) {
                assertThat(d.acl()).isEqualTo(Acl.PUBLIC);
            } else if (d.url().contains("/platform/")) {
                assertThat(d.acl().admits(member)).as(d.id()).isTrue();
                assertThat(d.acl().admits(outsider)).as(d.id()).isFalse();
            } else {
                assertThat(d.acl().admits(outsider)).as(d.id()).isFalse();
            }
        });
        assertThat(index.documents().values()).anyMatch(d -> d.url().contains("/platform/"))
                .anyMatch(d -> d.url().contains("/handbook/")).anyMatch(d -> d.url().contains("/payroll/"));
    }
}
