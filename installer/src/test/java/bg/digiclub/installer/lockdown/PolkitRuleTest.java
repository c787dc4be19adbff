package bg.digiclub.installer.lockdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The polkit rule for removable media, run: node evaluates the rules file with a stand-in
 * {@code polkit} object (addRule, Result) as polkitd's JavaScript engine would, and every request
 * below is answered as polkitd would answer it from this rule alone. Needs {@code node} (Debian's
 * {@code nodejs}); fails without it.
 */
class PolkitRuleTest {
    @TempDir
    Path dir;

    /** Feeds the rules file to polkit.addRule and answers each case (user, action id, details) in order. */
    private static final String HARNESS = """
            var fs = require('fs');
            var vm = require('vm');
            var rules = [];
            var polkit = {
                Result: { YES: 'yes', NO: 'no', AUTH_SELF: 'auth_self', AUTH_SELF_KEEP: 'auth_self_keep',
                          AUTH_ADMIN: 'auth_admin', AUTH_ADMIN_KEEP: 'auth_admin_keep', NOT_HANDLED: null },
                addRule: function (f) { rules.push(f); },
                addAdminRule: function () { throw new Error('the rule must not change who counts as an administrator'); },
                log: function () {},
                spawn: function () { throw new Error('the rule must not run programs'); }
            };
            vm.runInNewContext(fs.readFileSync(process.argv[2], 'utf8'), { polkit: polkit }, { filename: process.argv[2] });
            var cases = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            cases.forEach(function (c) {
                var action = { id: c.action, lookup: function (k) { return c.details[k]; } };
                var subject = { user: c.user, groups: [c.user], active: false, local: false, pid: 4242,
                                isInGroup: function (g) { return g === c.user; }, isInNetGroup: function () { return false; } };
                var answer = null;
                for (var i = 0; i < rules.length && (answer === null || answer === undefined); i++) {
                    answer = rules[i](action, subject);
                }
                console.log(answer === null || answer === undefined ? 'not handled' : answer);
            });
            """;

    private static final String UDISKS = "org.freedesktop.udisks2.";
    private static final Map<String, String> REMOVABLE = Map.of("drive.removable", "true", "drive.removable.bus", "usb",
            "device", "/dev/sdb1", "id.type", "vfat");
    private static final Map<String, String> INTERNAL = Map.of("device", "/dev/sda2", "id.type", "ext4");

    record Case(String user, String action, Map<String, String> details) {
    }

    private Map<String, String> answers(List<Case> cases) throws Exception {
        Path harness = Files.writeString(dir.resolve("harness.js"), HARNESS);
        Path input = dir.resolve("cases.json");
        new ObjectMapper().writeValue(input.toFile(), cases);
        Path rules = LockdownPayloadTest.payload().resolve(LockdownPayloadTest.POLKIT.substring(1));
        Process p = new ProcessBuilder("node", harness.toString(), rules.toString(), input.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "node: " + out);
        List<String> lines = out.strip().lines().toList();
        assertEquals(cases.size(), lines.size(), out);
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            answers.put(cases.get(i).user() + " " + cases.get(i).action() + " " + cases.get(i).details().keySet(), lines.get(i));
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
    void theRuleIsPlainEcmaScript5ForPolkitsDuktape() throws Exception {
        String rules = LockdownPayloadTest.read(LockdownPayloadTest.POLKIT);
        String code = rules.replaceAll("(?m)//.*$", "");
        for (String later : List.of("=>", "`", "\\blet\\b", "\\bconst\\b", "\\bclass\\b", "\\.\\.\\.", "\\.includes\\(")) {
            assertFalse(Pattern.compile(later).matcher(code).find(), "not ES5: " + later);
        }
    }
}
