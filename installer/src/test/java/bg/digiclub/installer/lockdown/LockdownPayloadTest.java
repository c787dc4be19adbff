package bg.digiclub.installer.lockdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import bg.digiclub.installer.linux.Accounts;
import bg.digiclub.installer.linux.Payload;
import bg.digiclub.installer.linux.VisitorHomeMount;

/**
 * The machine's lockdown files (payload/linux/lockdown.manifest), tested for what they say: the
 * browser policies parsed as JSON, udisks' mount options as the INI file udisks reads, the tmpfs
 * and timer units as systemd key files. The polkit rule is run ({@link PolkitRuleTest}); the units
 * pass systemd-analyze and the tmpfs options mount a real tmpfs ({@link LockdownUnitsTest}).
 */
class LockdownPayloadTest {
    static final String MOUNT_UNIT = "/etc/systemd/system/home-digiclub\\x2dvisitor.mount";
    static final String CHROMIUM = "/etc/chromium/policies/managed/digiclub.json";
    static final String FIREFOX = "/etc/firefox/policies/policies.json";
    static final String UDISKS = "/etc/udisks2/mount_options.conf";
    static final String POLKIT = "/etc/polkit-1/rules.d/50-digiclub-visitor-media.rules";
    static final String REBOOT_SERVICE = "/etc/systemd/system/digiclub-nightly-reboot.service";
    static final String REBOOT_TIMER = "/etc/systemd/system/digiclub-nightly-reboot.timer";
    /** The manifest's files; the tmpfs unit is laid out by VisitorHomeMount (its name has a backslash). */
    static final List<String> FILES = List.of(REBOOT_SERVICE, REBOOT_TIMER, CHROMIUM, FIREFOX, UDISKS, POLKIT);

    static Path payload() throws URISyntaxException {
        URL manifest = LockdownPayloadTest.class.getResource("/payload/linux/lockdown.manifest");
        assertNotNull(manifest, "payload/linux/lockdown.manifest is not on the class path");
        return Path.of(manifest.toURI()).getParent();
    }

    static String read(String target) throws Exception {
        if (target.equals(MOUNT_UNIT)) {
            return new String(VisitorHomeMount.unit(), StandardCharsets.UTF_8);
        }
        return Files.readString(payload().resolve(target.substring(1)), StandardCharsets.UTF_8);
    }

    static JsonNode json(String target) throws Exception {
        return new ObjectMapper().readTree(read(target));
    }

    /** {@code key=value} lines of one {@code [section]} of a systemd unit or INI file; comments skipped, last wins. */
    static Map<String, String> section(String text, String name) {
        Map<String, String> keys = new LinkedHashMap<>();
        String current = "";
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.startsWith(";") || l.isEmpty()) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = l.substring(1, l.length() - 1);
                continue;
            }
            int eq = l.indexOf('=');
            assertTrue(eq > 0, "not key=value: " + line);
            if (current.equals(name)) {
                keys.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        }
        return keys;
    }

    /** The {@code [section]} names of a file, in order. */
    static List<String> sections(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                names.add(l.substring(1, l.length() - 1));
            }
        }
        return names;
    }

    static Set<String> options(String commaSeparated) {
        return new TreeSet<>(List.of(commaSeparated.split(",")));
    }

    @Test
    void theManifestListsEveryLockdownFileRootsAndReadableByAll() throws Exception {
        List<Payload.Entry> entries = Payload.parse(
                "lockdown.manifest",
                Files.readAllLines(payload().resolve("lockdown.manifest"), StandardCharsets.UTF_8));
        assertEquals(FILES, entries.stream().map(Payload.Entry::path).toList());
        for (Payload.Entry e : entries) {
            assertTrue(
                    Files.isRegularFile(payload().resolve(e.path().substring(1))),
                    "listed but not in the payload: " + e.path());
            assertEquals(0644, e.mode(), e.path());
            assertEquals("root", e.owner(), e.path());
            assertEquals("root", e.group(), e.path());
            assertFalse(e.config(), e.path() + " is the installer's: verify compares it, upgrade rewrites it");
        }
        // a file put in these directories but not listed would never be installed
        Path base = payload();
        for (String dir : List.of("etc/chromium", "etc/firefox", "etc/udisks2", "etc/polkit-1")) {
            try (Stream<Path> files = Files.walk(base.resolve(dir))) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> assertTrue(
                                FILES.contains("/" + base.relativize(f)),
                                "in the payload but not in lockdown.manifest: " + f));
            }
        }
    }

    @Test
    void theVisitorsHomeIsASizeCappedPrivateTmpfsTheAgentWaitsFor() throws Exception {
        String unit = read(MOUNT_UNIT);
        Map<String, String> mount = section(unit, "Mount");
        assertEquals(Accounts.VISITOR_HOME, mount.get("Where"));
        assertEquals("tmpfs", mount.get("Type"));
        assertEquals("tmpfs", mount.get("What"));
        Set<String> o = options(mount.get("Options"));
        assertTrue(o.stream().anyMatch(x -> x.matches("size=[1-9][0-9]*[kKmMgG]")), "a size cap: " + o);
        for (String want : List.of(
                "mode=0700", "uid=" + Accounts.VISITOR, "gid=" + Accounts.VISITOR, "nosuid", "nodev", "noexec")) {
            assertTrue(o.contains(want), want + " in " + o);
        }
        assertFalse(sections(unit).contains("Install"), "pulled in by the agent's unit, not enabled on its own");

        Map<String, String> agent = section(read("/etc/systemd/system/digiclub-agent.service"), "Unit");
        assertEquals(
                Accounts.VISITOR_HOME, agent.get("RequiresMountsFor"), "the agent starts only with the home mounted");
    }

    @Test
    void theMountUnitIsNamedAfterItsPathAsSystemdEscapesIt() throws Exception {
        Process p = new ProcessBuilder("systemd-escape", "--path", "--suffix=mount", Accounts.VISITOR_HOME)
                .redirectErrorStream(true)
                .start();
        String name = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), name);
        assertEquals("/etc/systemd/system/" + name, MOUNT_UNIT);
        assertEquals(MOUNT_UNIT, VisitorHomeMount.UNIT);
    }

    @Test
    void chromiumProfilesAreEphemeralWithoutDeveloperToolsPasswordsSignInSyncOrExtensions() throws Exception {
        JsonNode p = json(CHROMIUM);
        assertTrue(p.isObject(), "Chromium's managed policies are one JSON object of policy names");
        assertTrue(p.get("ForceEphemeralProfiles").asBoolean(), "the profile is deleted when the browser closes");
        assertFalse(p.get("BrowserGuestModeEnabled").asBoolean(true));
        assertFalse(p.get("BrowserAddPersonEnabled").asBoolean(true));
        assertEquals(2, p.get("DeveloperToolsAvailability").asInt(), "2 = DeveloperToolsDisallowed");
        assertTrue(
                p.get("URLBlocklist").toString().contains("\"view-source:*\""), "page source needs the block list too");
        assertFalse(p.get("PasswordManagerEnabled").asBoolean(true));
        assertEquals(0, p.get("BrowserSignin").asInt(), "0 = browser sign-in disabled");
        assertTrue(p.get("SyncDisabled").asBoolean());
        assertEquals("[\"*\"]", p.get("ExtensionInstallBlocklist").toString(), "no extension may be installed");
        assertEquals(Accounts.VISITOR_HOME, p.get("DownloadDirectory").asText());
        assertFalse(p.get("PromptForDownloadLocation").asBoolean(true), "no dialog to save elsewhere");
        assertFalse(p.get("BackgroundModeEnabled").asBoolean(true), "nothing keeps running after the last window");
        assertFalse(p.get("AutofillAddressEnabled").asBoolean(true));
        assertFalse(p.get("AutofillCreditCardEnabled").asBoolean(true));
        p.fields()
                .forEachRemaining(
                        f -> assertTrue(f.getKey().matches("[A-Z][A-Za-z]+"), "not a policy name: " + f.getKey()));
    }

    @Test
    void firefoxBrowsesPrivatelyWithoutDeveloperToolsPasswordsAccountsOrExtensions() throws Exception {
        JsonNode root = json(FIREFOX);
        assertEquals(List.of("policies"), iterable(root.fieldNames()), "policies.json holds one object, \"policies\"");
        JsonNode p = root.get("policies");
        JsonNode autostart = p.get("Preferences").get("browser.privatebrowsing.autostart");
        assertTrue(
                autostart.get("Value").asBoolean(),
                "always private browsing: history, cookies and cache in memory only");
        assertEquals("locked", autostart.get("Status").asText());
        assertTrue(p.get("SanitizeOnShutdown").asBoolean());
        assertTrue(p.get("DisableDeveloperTools").asBoolean());
        assertTrue(p.get("BlockAboutConfig").asBoolean(), "about:config would undo the rest");
        assertFalse(p.get("PasswordManagerEnabled").asBoolean(true));
        assertFalse(p.get("OfferToSaveLogins").asBoolean(true));
        assertTrue(p.get("DisableFirefoxAccounts").asBoolean(), "no sign-in, no sync");
        assertEquals(
                "blocked",
                p.get("ExtensionSettings").get("*").get("installation_mode").asText());
        assertFalse(p.get("InstallAddonsPermission").get("Default").asBoolean(true));
        assertEquals(Accounts.VISITOR_HOME, p.get("DownloadDirectory").asText());
        assertFalse(p.get("PromptForDownloadLocation").asBoolean(true));
        assertTrue(p.get("DisableFormHistory").asBoolean());
        assertTrue(p.get("DisableProfileImport").asBoolean());
    }

    @Test
    void udisksMountsEveryFilesystemNoexecNosuidNodevAndRefusesExec() throws Exception {
        String conf = read(UDISKS);
        assertEquals(
                List.of("defaults"),
                sections(conf),
                "no per-device group: it would replace these sets for that device");
        Map<String, String> d = section(conf, "defaults");
        assertTrue(options(d.get("defaults")).containsAll(Set.of("noexec", "nosuid", "nodev")), d.toString());
        Set<String> allow = options(d.get("allow"));
        assertTrue(
                allow.containsAll(Set.of("noexec", "nosuid", "nodev")),
                "what defaults= sets must be allowed: " + allow);
        for (var e : d.entrySet()) {
            if (e.getKey().endsWith("allow") || e.getKey().endsWith("defaults")) {
                for (String refused : List.of("exec", "suid", "dev")) {
                    assertFalse(options(e.getValue()).contains(refused), e.getKey() + " allows " + refused);
                }
            } else {
                throw new AssertionError("a key udisks does not read: " + e.getKey());
            }
        }
        // udisks' own sets (data/builtin_mount_options.conf) list these; a missing one would refuse ordinary mounts
        assertTrue(allow.containsAll(Set.of("ro", "rw", "sync", "dirsync", "noatime", "relatime")), allow.toString());
    }

    @Test
    void theNightlyRestartIsAOneshotRebootItsTimerEnabledByNoInstall() throws Exception {
        Map<String, String> service = section(read(REBOOT_SERVICE), "Service");
        assertEquals("oneshot", service.get("Type"));
        assertEquals("/usr/bin/systemctl --no-block reboot", service.get("ExecStart"));
        String timer = read(REBOOT_TIMER);
        assertFalse(sections(timer).contains("Install"), "an [Install] section would be enabled by every install");
        assertFalse(sections(read(REBOOT_SERVICE)).contains("Install"));
        Map<String, String> t = section(timer, "Timer");
        assertTrue(Pattern.matches("\\*-\\*-\\* [0-2][0-9]:[0-5][0-9]:00", t.get("OnCalendar")), t.get("OnCalendar"));
        assertEquals("false", t.get("Persistent"), "a PC switched on in the morning must not restart at once");
        assertEquals("digiclub-nightly-reboot.service", t.get("Unit"));
    }

    @Test
    void noFileNamesARegistryOrDownloadsAnything() throws Exception {
        for (String f : Stream.concat(FILES.stream(), Stream.of(MOUNT_UNIT)).toList()) {
            String text = read(f);
            assertFalse(text.matches("(?s).*https?://.*"), f + " names a URL");
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
