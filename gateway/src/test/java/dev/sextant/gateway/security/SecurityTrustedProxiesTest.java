package dev.sextant.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityTrustedProxiesTest {

    @Test
    void rangesMatchByPrefix() {
        AddressRange ten = AddressRange.parse("10.0.0.0/8");
        assertThat(ten.contains(AddressRange.literalOrNull("10.200.3.4"))).isTrue();
        assertThat(ten.contains(AddressRange.literalOrNull("11.0.0.1"))).isFalse();
        assertThat(ten.contains(AddressRange.literalOrNull("::1"))).isFalse();
        AddressRange odd = AddressRange.parse("192.168.1.64/27");
        assertThat(odd.contains(AddressRange.literalOrNull("192.168.1.95"))).isTrue();
        assertThat(odd.contains(AddressRange.literalOrNull("192.168.1.96"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(AddressRange.literalOrNull("fd12::1"))).isTrue();
        assertThat(AddressRange.parse("127.0.0.1").contains(AddressRange.literalOrNull("127.0.0.2"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithoutAskingDns() {
        assertThatThrownBy(() -> AddressRange.parse("proxy.example.com")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> AddressRange.parse("abc")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("out of range");
        assertThat(AddressRange.literalOrNull("localhost")).isNull();
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertThat(none.clientAddress("192.0.2.10", List.of("203.0.113.5"))).isEqualTo("192.0.2.10");
        assertThat(none.https(false, "192.0.2.10", "https")).isFalse();
        assertThat(none.authority("192.0.2.10", "sextant:8080", "evil.example")).isEqualTo("sextant:8080");
    }

    @Test
    void aTrustedProxyIsBelievedUpToTheFirstUntrustedHop() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "127.0.0.1"));
        assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("198.51.100.1, 203.0.113.5, 10.0.0.9")))
                .as("a client-supplied left part is not believed").isEqualTo("203.0.113.5");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.5:4711"))).isEqualTo("203.0.113.5");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("not-an-ip"))).isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress("192.0.2.10", List.of("203.0.113.5"))).as("untrusted peer")
                .isEqualTo("192.0.2.10");
        assertThat(proxies.https(false, "10.0.0.2", "https")).isTrue();
        assertThat(proxies.https(false, "192.0.2.10", "https")).isFalse();
        assertThat(proxies.https(true, "192.0.2.10", null)).isTrue();
        assertThat(proxies.authority("10.0.0.2", "sextant:8080", "search.example.com"))
                .isEqualTo("search.example.com");
    }
}
