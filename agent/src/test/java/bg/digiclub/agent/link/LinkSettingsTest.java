package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

class LinkSettingsTest {
    static final Path DATA = Path.of("/var/lib/digiclub");

    static LinkSettings read(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return LinkSettings.read(ConfigProperties.of("agent.properties", p), DATA);
    }

    @Test
    void theKioskIsTheConfiguredAccountWithItsOwnLimits() throws Exception {
        LinkSettings s = read("link.allowed-users=root\nlink.kiosk-user=digiclub-kiosk\nlink.max-connections=10\n"
                + "link.kiosk-connections=3\nlink.peer-connections=1\nlink.kiosk-requests-per-second=40\n"
                + "link.peer-requests-per-second=5\n");
        assertEquals("digiclub-kiosk", s.server().kioskUser());
        assertEquals(List.of("root"), s.server().allowedUsers());
        PeerLimits limits = s.server().limits();
        assertEquals(10, limits.maxConnections());
        assertEquals(3, limits.kioskConnections());
        assertEquals(7, limits.otherConnections());
        assertEquals(1, limits.peerConnections());
        assertEquals(new PeerLimits.RequestRate(40, 160), limits.kioskRequests());
        assertEquals(new PeerLimits.RequestRate(5, 20), limits.peerRequests());
    }

    @Test
    void withoutAKioskUserTheFirstAllowedUserIsTheKiosksAndTheLimitsAreTheDefaults() throws Exception {
        LinkSettings s = read("link.allowed-users=devuser, root\n");
        assertEquals("devuser", s.server().kioskUser());
        assertEquals(PeerLimits.DEFAULT, s.server().limits());
        assertEquals(
                System.getProperty("user.name"), read("").server().kioskUser(), "development: the agent's own account");
    }

    @Test
    void badLimitsStopStartUpNamingTheKey() {
        ConfigException tooMany =
                assertThrows(ConfigException.class, () -> read("link.max-connections=4\nlink.kiosk-connections=4\n"));
        assertTrue(tooMany.getMessage().contains("link.kiosk-connections"), tooMany.getMessage());
        ConfigException noKiosk = assertThrows(ConfigException.class, () -> read("link.allowed-users= , \n"));
        assertTrue(noKiosk.getMessage().contains("link.kiosk-user"), noKiosk.getMessage());
        ConfigException zeroRate = assertThrows(ConfigException.class, () -> read("link.peer-requests-per-second=0\n"));
        assertTrue(zeroRate.getMessage().contains("link.peer-requests-per-second"), zeroRate.getMessage());
    }
}
