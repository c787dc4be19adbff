package bg.digiclub.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.installer.linux.Payload;

/** The command line and the payload's manifests, without installing anything. */
class InstallerCommandLineTest {
    @Test
    void helpAndVersionAnswer() {
        InstallerLinuxTest.Outcome help = InstallerLinuxTest.cli("--help");
        assertEquals(0, help.exit());
        for (String sub : List.of("install", "upgrade", "verify", "uninstall")) {
            assertTrue(help.out().contains(sub), sub + " in\n" + help.out());
        }
        InstallerLinuxTest.Outcome version = InstallerLinuxTest.cli("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("DigiClub installer "), version.out());
    }

    @Test
    void installWithoutTheCollectorOrTheCodeIsAUsageError() {
        InstallerLinuxTest.Outcome o = InstallerLinuxTest.cli("install", "--root", "/nonexistent");
        assertEquals(2, o.exit(), o.out());
        assertTrue(o.out().contains("--collector") && o.out().contains("--enrol-code-file"), o.out());
    }

    @Test
    void anInsecureCollectorOrAnOpenCodeFileIsRefusedBeforeAnythingChanges(@TempDir Path tmp) throws Exception {
        Path code = Files.writeString(tmp.resolve("code"), "7KQ2-M9XD-4TRB\n");
        InstallerLinuxTest.Outcome http = InstallerLinuxTest.cli(
                "install",
                "--root",
                tmp.toString(),
                "--collector",
                "http://collector.example",
                "--enrol-code-file",
                code.toString());
        assertEquals(1, http.exit(), http.out());
        Files.setPosixFilePermissions(code, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        InstallerLinuxTest.Outcome open = InstallerLinuxTest.cli(
                "install",
                "--root",
                tmp.toString(),
                "--collector",
                "https://collector.example",
                "--enrol-code-file",
                code.toString());
        assertEquals(1, open.exit(), open.out());
        if (System.getProperty("user.name").equals("root")) {
            assertTrue(
                    http.out().contains("step \"check\" failed: --collector http://collector.example must be https://"),
                    http.out());
            assertTrue(open.out().contains("is readable by other accounts; chmod 600"), open.out());
            assertTrue(open.out().contains("nothing had been changed"), open.out());
        }
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(code), s.toList(), "nothing laid out");
        }
    }

    @Test
    void aMistypedEnrolmentCodeIsRefusedBeforeAnythingChanges(@TempDir Path tmp) throws Exception {
        Path code = InstallerLinuxTest.secret(tmp.resolve("code"), "7KQ2-M9XD-4TR\n"); // one character short
        InstallerLinuxTest.Outcome o = InstallerLinuxTest.cli(
                "install",
                "--root",
                tmp.toString(),
                "--collector",
                "https://collector.example",
                "--enrol-code-file",
                code.toString());
        assertEquals(1, o.exit(), o.out());
        if (System.getProperty("user.name").equals("root")) {
            assertTrue(
                    o.out()
                            .contains("step \"check\" failed: the first line of " + code + " is not an enrolment code: "
                                    + "an enrolment code looks like 7KQ2-M9XD-4TRB"),
                    o.out());
            assertTrue(o.out().contains("nothing had been changed"), o.out());
        }
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(code), s.toList(), "nothing laid out");
        }
    }

    @Test
    void manifestLinesAreParsedAndAWrongLineIsNamed() {
        List<Payload.Entry> e = Payload.parse(
                "x.manifest",
                List.of("# comment", "", "/etc/a/ 0755 root root", "/etc/a/b 640 root digiclub-kiosk config  # kept"));
        assertEquals(2, e.size());
        assertTrue(e.get(0).isDirectory());
        assertEquals("/etc/a", e.get(0).target());
        assertEquals(0640, e.get(1).mode());
        assertTrue(e.get(1).config());
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Payload.parse("y.manifest", List.of("/etc/a 0644 root")));
        assertTrue(bad.getMessage().startsWith("y.manifest line 1: "), bad.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Payload.parse("y.manifest", List.of("etc/a 0644 root root")));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Payload.parse("y.manifest", List.of("/etc/../a 0644 root root")));
    }

    @Test
    void theShippedPayloadHasEveryFileItsManifestsList() throws Exception {
        Payload payload = Payload.ofResources();
        assertTrue(payload.entries().size() >= 3, payload.entries().toString());
        for (Payload.Entry entry : payload.entries()) {
            if (!entry.isDirectory()) {
                assertTrue(payload.content(entry).length > 0, entry.path());
            }
        }
    }
}
