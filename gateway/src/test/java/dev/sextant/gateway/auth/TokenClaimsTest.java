package dev.sextant.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private final List<String> dropped = new ArrayList<>();
    private final TokenClaims keycloak = new TokenClaims("realm_access.roles", "groups", "admin", "employee", dropped::add);

    @Test
    void theConfiguredRolesMapOntoSextantsAndNothingElseDoes() {
        TokenClaims custom = new TokenClaims("resource_access.sextant.roles", "groups", "search-admin", "staff",
                dropped::add);
        Map<String, Object> token = Map.of(
                "realm_access", Map.of("roles", List.of("admin", "employee")),
                "resource_access", Map.of("sextant", Map.of("roles", List.of("staff"))));
        assertThat(custom.read(token).roles()).containsExactly("employee");
        assertThat(keycloak.read(token).roles()).containsExactlyInAnyOrder("employee", "admin");
        assertThat(keycloak.read(Map.of("realm_access", Map.of("roles", "admin"))).roles()).isEmpty();
        assertThat(keycloak.read(Map.of("realm_access", List.of("admin"))).roles()).isEmpty();
        assertThat(keycloak.read(Map.of()).roles()).isEmpty();
    }

    @Test
    void anEmailCountsUnlessMarkedUnverifiedAndIsNormalised() {
        assertThat(keycloak.read(Map.of("email", " Alice@Northwind.Example", "email_verified", true)).email())
                .contains("alice@northwind.example");
        assertThat(keycloak.read(Map.of("email", "alice@northwind.example")).email())
                .as("no email_verified claim").contains("alice@northwind.example");
        assertThat(keycloak.read(Map.of("email", "alice@northwind.example", "email_verified", false)).email()).isEmpty();
        assertThat(keycloak.read(Map.of("email", "alice@northwind.example", "email_verified", "false")).email()).isEmpty();
        assertThat(dropped).hasSize(2).allMatch(line -> line.contains("unverified"));
    }

    @Test
    void aMalformedEmailIsDroppedAloneWithALine() {
        for (Object bad : List.of("alice", "alice@localhost", "a@b@c.example", "user:x@y.example, public", 42,
                List.of("alice@northwind.example"))) {
            TokenClaims.Claims claims = keycloak.read(Map.of("email", bad, "groups", List.of("engineering"),
                    "realm_access", Map.of("roles", List.of("employee"))));
            assertThat(claims.email()).as("%s", bad).isEqualTo(Optional.empty());
            assertThat(claims.groups()).containsExactly("engineering");
            assertThat(claims.roles()).containsExactly("employee");
        }
        assertThat(dropped).hasSize(6).allMatch(line -> line.contains(": email"));
    }

    @Test
    void aMalformedGroupIsDroppedAloneAndTheRestKept() {
        TokenClaims.Claims claims = keycloak.read(Map.of("preferred_username", "mallory", "groups",
                List.of("finance", "", "two words", "a,b", 7, "/finance/payroll", "x\ny")));
        assertThat(claims.groups()).containsExactlyInAnyOrder("finance", "/finance/payroll");
        assertThat(dropped).hasSize(5);
        assertThat(dropped).noneMatch(line -> line.contains("\n")).allMatch(line -> line.startsWith("token of 'mallory': group"));
        assertThat(keycloak.read(Map.of("groups", "finance")).groups()).isEqualTo(Set.of());
        assertThat(dropped).last().asString().contains("not an array");
    }

    @Test
    void aHostileClaimIsLoggedBoundedAndOnOneLine() {
        keycloak.read(Map.of("groups", List.of("x".repeat(10_000) + " y\r\nforged log line")));
        assertThat(dropped).hasSize(1);
        assertThat(dropped.getFirst()).hasSizeLessThan(300).doesNotContain("\n").doesNotContain("\r");
    }
}
