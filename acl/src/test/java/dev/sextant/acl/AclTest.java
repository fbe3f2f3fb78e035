package dev.sextant.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AclTest {

    private static final Principal FINANCE = Principal.group("idp", "finance");
    private static final Principal BOB = Principal.user("bob@x.example");

    @Test
    void readerMustMatchEveryClause() {
        Acl acl = Acl.of(AclClause.of(FINANCE), AclClause.of(BOB, Principal.user("dana@x.example")));
        assertThat(acl.admits(Principals.of(FINANCE, BOB))).isTrue();
        assertThat(acl.admits(Principals.of(FINANCE))).isFalse();
        assertThat(acl.admits(Principals.of(BOB))).isFalse();
    }

    @Test
    void noClausesOrAnEmptyClauseAdmitNobody() {
        Principals everything = Principals.of(FINANCE, BOB, Principal.PUBLIC);
        assertThat(Acl.NONE.admits(everything)).isFalse();
        assertThat(Acl.of(AclClause.of(Set.of())).admits(everything)).isFalse();
    }

    @Test
    void textFormRoundTripsAndIgnoresComments() throws AclSyntaxException {
        Acl acl = AclFormat.parse("# who\n group:idp:finance\n\nuser:Bob@X.example,  user:dana@x.example\n");
        assertThat(acl.clauses()).hasSize(2);
        assertThat(acl.clauses().get(1).anyOf()).contains(BOB);
        assertThat(AclFormat.parse(acl.format())).isEqualTo(acl);
    }

    @Test
    void badTextNamesTheLineAndFailsClosed() {
        assertThatThrownBy(() -> AclFormat.parse("public\nstaff")).isInstanceOf(AclSyntaxException.class)
                .hasMessageContaining("line 2").hasMessageContaining("staff");
        assertThatThrownBy(() -> AclFormat.parse("# only a comment")).hasMessageContaining("no clause");
        assertThat(AclFormat.parseOrNone("user:not-an-email")).isEqualTo(Acl.NONE);
        assertThat(AclFormat.parseOrNone(null)).isEqualTo(Acl.NONE);
    }

    @Test
    void principalsAreNormalisedAndValidated() {
        assertThat(Principal.parse(" USER:Alice@Example.COM ").value()).isEqualTo("user:alice@example.com");
        assertThat(Principal.parse("Public")).isEqualTo(Principal.PUBLIC);
        assertThat(Principal.parse("domain:Example.com").value()).isEqualTo("domain:example.com");
        assertThat(Principal.parse("group:GitHub:org/team").value()).isEqualTo("group:github:org/team");
        assertThatThrownBy(() -> Principal.parse("role:admin")).hasMessageContaining("unknown principal kind");
        assertThatThrownBy(() -> Principal.parse("group:idp")).hasMessageContaining("group:<source>:<id>");
        assertThatThrownBy(() -> Principal.parse("domain:localhost")).hasMessageContaining("not a domain");
    }

    @Test
    void domainsFollowTheLabelRulesAndLongOnesFailFastInsteadOfOverflowingTheStack() {
        assertThat(Principal.domain("mail.x-1.example").value()).isEqualTo("domain:mail.x-1.example");
        for (String bad : List.of("-x.example", "x-.example", "x..example", ".x.example", "x.example.", "x_y.example",
                "a".repeat(64) + ".example", "a.".repeat(4000) + "-", "a.".repeat(4000) + "a", "a-".repeat(50_000) + "a")) {
            assertThatThrownBy(() -> Principal.domain(bad)).as(bad.length() > 80 ? bad.length() + " characters" : bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a domain");
        }
        assertThat(Principal.domain("a".repeat(63) + ".example").value()).endsWith(".example");
    }
}
