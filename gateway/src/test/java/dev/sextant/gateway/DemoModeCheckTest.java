package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.gateway.accounts.DemoModeCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoModeCheckTest {

    @Test
    void demoAloneOnLoopbackStarts() {
        for (String host : List.of("127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1", "LOCALHOST")) {
            assertThatCode(() -> DemoModeCheck.require(true, List.of(), host)).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void demoBesideARealSourceIsRefusedAndSaysWhy() {
        assertThatThrownBy(() -> DemoModeCheck.require(true, List.of(Path.of("/srv/docs")), "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot run beside real sources")
                .hasMessageContaining("/srv/docs")
                .hasMessageContaining("password is published");
    }

    @Test
    void demoOnAnAddressOthersCanReachIsRefusedAndSaysWhy() {
        for (String host : List.of("0.0.0.0", "::", "192.168.1.10", "example.com", "localhost.example.com", "")) {
            assertThatThrownBy(() -> DemoModeCheck.require(true, List.of(), host)).as(host)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("listens on loopback only")
                    .hasMessageContaining("quarkus.http.host is " + host);
        }
    }

    @Test
    void withoutDemoAnyHostAndSourcesStart() {
        assertThatCode(() -> DemoModeCheck.require(false, List.of(Path.of("/srv/docs")), "0.0.0.0"))
                .doesNotThrowAnyException();
    }

    @Test
    void hostNamesOtherThanLocalhostAreNotResolved() {
        assertThat(DemoModeCheck.isLoopback("ip6-localhost")).isFalse();
        assertThat(DemoModeCheck.isLoopback(null)).isFalse();
    }
}
