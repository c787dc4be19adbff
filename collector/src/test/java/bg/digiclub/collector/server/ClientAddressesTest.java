package bg.digiclub.collector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private final ClientAddresses proxied = ClientAddresses.trusting(List.of("10.0.0.0/8", "192.0.2.7", "::1"));

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddresses.direct().client("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsTheClientsOwnWordAndIgnored() {
        assertEquals("203.0.113.9", proxied.client("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void fromATrustedProxyTheClientIsTheFirstUntrustedHopFromTheRight() {
        assertEquals("198.51.100.1", proxied.client("10.1.2.3", List.of("198.51.100.1")));
        // the visitor wrote the first entry itself; the proxy appended what it saw
        assertEquals("198.51.100.1", proxied.client("10.1.2.3", List.of("1.2.3.4, 198.51.100.1")));
        // two proxies: the inner one's entry is skipped
        assertEquals("198.51.100.1", proxied.client("10.1.2.3", List.of("6.6.6.6, 198.51.100.1", "192.0.2.7")));
        assertEquals("2001:db8:0:0:0:0:0:5", proxied.client("0:0:0:0:0:0:0:1", List.of("[2001:db8::5]")));
    }

    @Test
    void aMissingOrUnreadableHeaderLeavesTheProxyAsTheClient() {
        assertEquals("10.1.2.3", proxied.client("10.1.2.3", List.of()));
        assertEquals("10.1.2.3", proxied.client("10.1.2.3", List.of("10.9.9.9")));
        assertEquals("10.1.2.3", proxied.client("10.1.2.3", List.of("example.org")), "names are never looked up");
        assertEquals("10.1.2.3", proxied.client("10.1.2.3", List.of("198.51.100.1, unknown")));
    }

    @Test
    void blocksMatchByPrefixAndBadOnesAreRefusedNamingTheOption() {
        assertTrue(proxied.isTrustedProxy("10.255.0.1"));
        assertFalse(proxied.isTrustedProxy("11.0.0.1"));
        assertTrue(ClientAddresses.trusting(List.of("172.16.0.0/12")).isTrustedProxy("172.31.255.255"));
        assertFalse(ClientAddresses.trusting(List.of("172.16.0.0/12")).isTrustedProxy("172.32.0.0"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ClientAddresses.trusting(List.of("proxy.example.org")));
        assertTrue(e.getMessage().contains("--trusted-proxy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting(List.of("10.0.0.0/33")));
    }
}
