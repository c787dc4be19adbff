package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.config.AgentConfigLoader;
import bg.digiclub.agent.config.CommandLineOverrides;
import bg.digiclub.common.config.ConfigException;

/** The {@code visitor.*} keys, read through the agent's one configuration loader. */
class VisitorSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsResetTheWholeHomeFromSkelAndNoAccountMeansNone() throws Exception {
        VisitorSettings s = load("").visitor();

        assertNull(s.account());
        assertNull(s.home());
        assertEquals(Path.of("/etc/skel"), s.homeTemplate());
        assertEquals(java.util.List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm")), s.tempDirs());
        assertEquals("/usr/local/bin:/usr/bin:/bin", s.path());
        assertEquals("bg_BG.UTF-8", s.lang());
        assertTrue(s.supplementaryGroups());
        assertNull(s.xauthority());
        assertEquals(java.util.List.of(), s.mediaDirs(), "no account, no media of its own");
    }

    @Test
    void theVisitorsMediaAreWhereUdisksMountsThemByDefault() throws Exception {
        VisitorSettings s = load("visitor.account=digiclub-visitor\n").visitor();

        assertEquals(
                java.util.List.of(Path.of("/media/digiclub-visitor"), Path.of("/run/media/digiclub-visitor")),
                s.mediaDirs());
        assertEquals(
                java.util.List.of(),
                load("visitor.account=digiclub-visitor\nvisitor.media-dirs=none\n")
                        .visitor()
                        .mediaDirs());
        assertEquals(
                java.util.List.of(), load("visitor.media-dirs=none\n").visitor().mediaDirs());
    }

    @Test
    void sticksAreMountedForTheVisitorUnlessTurnedOffOrTheResetWouldNotUnmountThem() throws Exception {
        assertTrue(load("visitor.account=digiclub-visitor\n").visitor().mediaAutomount());
        assertTrue(load("").visitor().mediaAutomount(), "on by default; nothing without an account (VisitorAccounts)");
        assertFalse(load("visitor.account=digiclub-visitor\nvisitor.media-automount=false\n")
                .visitor()
                .mediaAutomount());
        assertFalse(
                load("visitor.account=digiclub-visitor\nvisitor.media-dirs=none\n")
                        .visitor()
                        .mediaAutomount(),
                "no media directories: the reset would leave a stick mounted for the next visitor");
        assertFails(
                "visitor.account=v\nvisitor.media-dirs=none\nvisitor.media-automount=true\n",
                "visitor.media-automount");
        assertFails("visitor.account=v\nvisitor.media-automount=sometimes\n", "visitor.media-automount");
    }

    @Test
    void everyKeyIsRead() throws Exception {
        VisitorSettings s = load("visitor.account=digiclub-visitor\nvisitor.home=/home/visitor/\n"
                        + "visitor.home-template=/etc/digiclub/visitor-home\nvisitor.path=/usr/bin\nvisitor.lang=C.UTF-8\n"
                        + "visitor.supplementary-groups=false\nvisitor.temp-dirs=none\n"
                        + "visitor.xauthority=/run/digiclub-session/visitor.xauth\n"
                        + "visitor.media-dirs=/media/visitor/,/srv/club usb\n")
                .visitor();

        assertEquals("digiclub-visitor", s.account());
        assertEquals(Path.of("/home/visitor"), s.home());
        assertEquals(Path.of("/etc/digiclub/visitor-home"), s.homeTemplate());
        assertEquals("/usr/bin", s.path());
        assertEquals("C.UTF-8", s.lang());
        assertFalse(s.supplementaryGroups());
        assertEquals(java.util.List.of(), s.tempDirs());
        assertEquals(Path.of("/run/digiclub-session/visitor.xauth"), s.xauthority());
        assertEquals(java.util.List.of(Path.of("/media/visitor"), Path.of("/srv/club usb")), s.mediaDirs());
        assertEquals(
                java.util.List.of(Path.of("/tmp")),
                load("visitor.temp-dirs=/tmp/\n").visitor().tempDirs());
    }

    @Test
    void mistakesNameTheFileAndTheKey() {
        assertFails("visitor.account=Visitor Account\n", "visitor.account");
        assertFails("visitor.account=v\nvisitor.home=home/v\n", "visitor.home");
        assertFails("visitor.account=v\nvisitor.home=/home/v/../root\n", "visitor.home");
        assertFails("visitor.account=v\nvisitor.home=/\n", "visitor.home");
        assertFails("visitor.home=/home/v\n", "visitor.home");
        assertFails("visitor.home-template=skel\n", "visitor.home-template");
        assertFails("visitor.path=bin:/usr/bin\n", "visitor.path");
        assertFails("visitor.lang=bg; rm -rf\n", "visitor.lang");
        assertFails("visitor.supplementary-groups=maybe\n", "visitor.supplementary-groups");
        assertFails("visitor.acount=digiclub-visitor\n", "visitor.acount");
        assertFails("visitor.temp-dirs=tmp\n", "visitor.temp-dirs");
        assertFails("visitor.temp-dirs=/\n", "visitor.temp-dirs");
        assertFails("visitor.account=v\nvisitor.xauthority=visitor.xauth\n", "visitor.xauthority");
        assertFails("visitor.account=v\nvisitor.xauthority=/run/../home/v/.Xauthority\n", "visitor.xauthority");
        assertFails("visitor.account=v\nvisitor.xauthority=/\n", "visitor.xauthority");
        assertFails("visitor.xauthority=/run/digiclub-session/visitor.xauth\n", "visitor.xauthority");
        assertFails("visitor.account=v\nvisitor.media-dirs=media/v\n", "visitor.media-dirs");
        assertFails("visitor.account=v\nvisitor.media-dirs=/media/v,/\n", "visitor.media-dirs");
        assertFails("visitor.account=v\nvisitor.media-dirs=/media/../home\n", "visitor.media-dirs");
        assertFails("visitor.media-dirs=/media/v\n", "visitor.media-dirs");
    }

    @Test
    void shippedExampleConfiguresNoAccountAndTheDefaults() {
        AgentConfig c = AgentConfigLoader.load(new CommandLineOverrides(
                Optional.of(Path.of("config/agent.example.properties")),
                Optional.of(dir),
                Optional.empty(),
                Optional.empty()));

        assertEquals(load0("").visitor(), c.visitor());
    }

    private void assertFails(String text, String key) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        String file = dir.resolve("agent.properties").toString();
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    private AgentConfig load(String text) throws Exception {
        Path f = dir.resolve("agent.properties");
        Files.writeString(f, text);
        return AgentConfigLoader.load(
                new CommandLineOverrides(Optional.of(f), Optional.of(dir), Optional.empty(), Optional.empty()));
    }

    private AgentConfig load0(String text) {
        try {
            return load(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
