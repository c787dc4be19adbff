package bg.digiclub.installer.lockdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polkit rule for removable media, run in Duktape, the JavaScript engine Debian 12's polkitd
 * links (libduktape.so.207, which comes with polkitd): {@code polkit/run-rules.py} (python3, ctypes)
 * evaluates the rules file after a stand-in {@code polkit} object (addRule, Result) and answers
 * every request below as polkitd would from this rule alone. A rule Duktape cannot compile (ES6
 * syntax) fails here as it would fail polkitd. Needs python3 and libduktape.so.207; fails without.
 */
class PolkitRuleTest {
    @TempDir
    Path dir;

    private static final String UDISKS = "org.freedesktop.udisks2.";
    private static final Map<String, String> REMOVABLE =
            Map.of("drive.removable", "true", "drive.removable.bus", "usb", "device", "/dev/sdb1", "id.type", "vfat");
    private static final Map<String, String> INTERNAL = Map.of("device", "/dev/sda2", "id.type", "ext4");

    record Case(String user, String action, Map<String, String> details) {}

    private Map<String, String> answers(List<Case> cases) throws Exception {
        Path input = dir.resolve("requests.json");
        new ObjectMapper().writeValue(input.toFile(), cases);
        Path rules = LockdownPayloadTest.payload().resolve(LockdownPayloadTest.POLKIT.substring(1));
        Path runner =
                Path.of(PolkitRuleTest.class.getResource("/polkit/run-rules.py").toURI());
        Process p = new ProcessBuilder("python3", runner.toString(), rules.toString(), input.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "polkit/run-rules.py: " + out);
        List<String> lines = out.strip().lines().toList();
        assertEquals(cases.size(), lines.size(), out);
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            answers.put(
                    cases.get(i).user() + " " + cases.get(i).action() + " "
                            + cases.get(i).details().keySet(),
                    lines.get(i));
        }
        return answers;
    }

    @Test
    void theVisitorMayMountARemovableFilesystemAndNothingElse() throws Exception {
        String visitor = "digiclub-visitor";
        List<Case> cases = List.of(
                new Case(visitor, UDISKS + "filesystem-mount", REMOVABLE),
                // what udisks asks for when the caller has no session on the drive's seat: the visitor, always
                new Case(visitor, UDISKS + "filesystem-mount-other-seat", REMOVABLE),
                new Case(visitor, UDISKS + "filesystem-mount", INTERNAL),
                new Case(visitor, UDISKS + "filesystem-mount-other-seat", INTERNAL),
                new Case(visitor, UDISKS + "filesystem-mount-system", REMOVABLE),
                new Case(visitor, UDISKS + "filesystem-mount-system", INTERNAL),
                new Case(visitor, UDISKS + "eject-media-other-seat", REMOVABLE),
                new Case(visitor, UDISKS + "power-off-drive-other-seat", REMOVABLE),
                new Case(visitor, UDISKS + "filesystem-unmount-others", REMOVABLE),
                new Case(visitor, UDISKS + "modify-device", REMOVABLE),
                new Case(visitor, UDISKS + "modify-device-system", INTERNAL),
                new Case(visitor, UDISKS + "loop-setup", Map.of()),
                new Case(visitor, UDISKS + "power-off-drive", REMOVABLE),
                new Case(visitor, UDISKS + "power-off-drive-system", INTERNAL),
                new Case(visitor, UDISKS + "eject-media", REMOVABLE),
                new Case(visitor, UDISKS + "encrypted-unlock", REMOVABLE),
                new Case(visitor, UDISKS + "filesystem-fstab", REMOVABLE),
                new Case(visitor, "org.freedesktop.login1.reboot", Map.of()),
                new Case(visitor, "org.freedesktop.policykit.exec", Map.of()),
                new Case(visitor, "org.freedesktop.NetworkManager.settings.modify.system", Map.of()));
        Map<String, String> got = answers(cases);
        Map<String, String> want = new LinkedHashMap<>();
        got.keySet().forEach(k -> want.put(k, "no"));
        List<String> keys = List.copyOf(got.keySet());
        want.put(keys.get(0), "yes");
        want.put(keys.get(1), "yes");
        assertEquals(want, got);
    }

    @Test
    void everyOtherAccountIsLeftToTheOtherRules() throws Exception {
        List<Case> cases = List.of(
                new Case("digiclub-kiosk", UDISKS + "filesystem-mount", REMOVABLE),
                new Case("root", UDISKS + "filesystem-mount", REMOVABLE),
                new Case("mentor", UDISKS + "filesystem-mount", REMOVABLE),
                new Case("mentor", UDISKS + "power-off-drive", REMOVABLE),
                new Case("digiclub-visitor2", UDISKS + "filesystem-mount", REMOVABLE),
                new Case("digiclub-visito", UDISKS + "loop-setup", Map.of()));
        answers(cases).forEach((k, v) -> assertEquals("not handled", v, k));
    }

    @Test
    void aRuleDuktapeCannotCompileFailsHereAsInPolkitd() throws Exception {
        Path es6 = Files.writeString(
                dir.resolve("es6.rules"), "polkit.addRule((action, subject) => polkit.Result.YES);\n");
        Path input = Files.writeString(dir.resolve("none.json"), "[]");
        Path runner =
                Path.of(PolkitRuleTest.class.getResource("/polkit/run-rules.py").toURI());
        Process p = new ProcessBuilder("python3", runner.toString(), es6.toString(), input.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.contains("SyntaxError"), out);
    }
}
