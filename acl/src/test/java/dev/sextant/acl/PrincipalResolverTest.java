package dev.sextant.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalResolverTest {

    private static final Principal OCTOCAT = Principal.account("github", "583231");
    private static final Principal PLATFORM = Principal.group("github", "acme/platform");
    private static final Principal ENGINEERING = Principal.group("github", "acme/engineering");
    private static final Principal STAFF = Principal.group("google", "staff@x.example");

    @Test
    void givesUserDomainIdpGroupsAndPublicWithAnEmptyDirectory() {
        Principals p = new PrincipalResolver(IdentityDirectory.EMPTY).resolve("Bob@X.example", Set.of("finance"));
        assertThat(p.values()).containsExactlyInAnyOrder("user:bob@x.example", "domain:x.example",
                "group:idp:finance", "public");
        assertThat(new PrincipalResolver(IdentityDirectory.EMPTY).resolve(" ", Set.of()).values())
                .containsExactly("public");
    }

    @Test
    void expandsLinkedAccountsAndNestedGroupsOfEveryIdentity() {
        MemoryDirectory directory = MemoryDirectory.builder()
                .link("Bob@x.example", OCTOCAT)
                .member(PLATFORM, OCTOCAT)
                .member(ENGINEERING, PLATFORM)
                .member(STAFF, Principal.user("bob@x.example"))
                .member(Principal.group("google", "all@x.example"), Principal.group("idp", "finance"))
                .member(Principal.group("github", "acme/unrelated"), Principal.account("github", "1"))
                .build();
        Principals p = new PrincipalResolver(directory).resolve("bob@X.example", Set.of("finance"));
        assertThat(p.values()).containsExactlyInAnyOrder("user:bob@x.example", "domain:x.example", "public",
                "account:github:583231", "group:github:acme/platform", "group:github:acme/engineering",
                "group:google:staff@x.example", "group:idp:finance", "group:google:all@x.example");
    }

    @Test
    void aMembershipCycleEnds() {
        MemoryDirectory directory = MemoryDirectory.builder()
                .member(PLATFORM, Principal.user("a@x.example"))
                .member(ENGINEERING, PLATFORM)
                .member(PLATFORM, ENGINEERING)
                .build();
        assertThat(new PrincipalResolver(directory).resolve("a@x.example", Set.of()).asSet())
                .contains(PLATFORM, ENGINEERING);
    }

    @Test
    void anUnlinkedAccountGivesNothing() {
        MemoryDirectory directory = MemoryDirectory.builder().member(PLATFORM, OCTOCAT).build();
        assertThat(new PrincipalResolver(directory).resolve("bob@x.example", Set.of()).asSet())
                .doesNotContain(OCTOCAT, PLATFORM);
    }

    @Test
    void accountPrincipalsParseAndNormaliseTheirSource() {
        assertThat(Principal.parse("account:GitHub:583231")).isEqualTo(OCTOCAT);
        assertThat(Principal.parse("group:github:acme/platform")).isEqualTo(PLATFORM);
        assertThatThrownBy(() -> Principal.parse("account:github")).hasMessageContaining("account:<source>:<id>");
        assertThatThrownBy(() -> Principal.account("git hub", "1")).hasMessageContaining("not a valid account source");
        assertThatThrownBy(() -> Principal.group("idp", "")).hasMessageContaining("not a valid group id");
        assertThat(Principal.user("A@X.example").email()).isEqualTo("a@x.example");
    }
}
