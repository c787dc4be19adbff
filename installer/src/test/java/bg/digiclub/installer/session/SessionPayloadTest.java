package bg.digiclub.installer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The visitor session's payload (payload/linux/session.manifest and its files): the lockdown is in
 * these files, so their content is what is tested — openbox's rc.xml has one desktop, no menu and no
 * binding but "a click focuses and raises", VT switching, Ctrl+Alt+Backspace and SysRq are off, the
 * X server keeps the visitor's untrusted cookie (-noreset) and listens on no TCP port.
 */
class SessionPayloadTest {
    private static final Pattern LINE = Pattern.compile("(/\\S+) (0[0-7]{3}) ([a-z_][a-z0-9_-]*) ([a-z_][a-z0-9_-]*)");
    /** Everything openbox could do besides focusing and raising the clicked window. */
    private static final Set<String> ALLOWED_ACTIONS = Set.of("Focus", "Raise");

    private static Path payload() throws URISyntaxException {
        URL manifest = SessionPayloadTest.class.getResource("/payload/linux/session.manifest");
        assertNotNull(manifest, "payload/linux/session.manifest is not on the class path");
        return Path.of(manifest.toURI()).getParent();
    }

    private static Map<String, String[]> manifest() throws Exception {
        Map<String, String[]> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(payload().resolve("session.manifest"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            var m = LINE.matcher(l);
            assertTrue(m.matches(), "not 'path mode owner group': " + line);
            entries.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4)});
        }
        return entries;
    }

    private static String read(String target) throws Exception {
        return Files.readString(payload().resolve(target.substring(1)), StandardCharsets.UTF_8);
    }

    @Test
    void everyListedFileIsThereRootsAndNotWritableByOthers() throws Exception {
        Map<String, String[]> entries = manifest();
        assertTrue(entries.size() >= 8, entries.keySet().toString());
        for (Map.Entry<String, String[]> e : entries.entrySet()) {
            assertTrue(
                    Files.isRegularFile(payload().resolve(e.getKey().substring(1))),
                    "listed but not in the payload: " + e.getKey());
            String mode = e.getValue()[0];
            assertEquals("root", e.getValue()[1], e.getKey());
            assertEquals("root", e.getValue()[2], e.getKey());
            assertFalse((Integer.parseInt(mode, 8) & 022) != 0, e.getKey() + " writable by group or others: " + mode);
            boolean script = e.getKey().startsWith("/opt/digiclub/session/");
            assertEquals(script ? "0755" : "0644", mode, e.getKey());
        }
        // every file of the session's directories is listed (a file the installer does not know is not installed)
        Path base = payload();
        for (String dir : List.of("opt/digiclub/session", "etc/digiclub/openbox")) {
            try (var files = Files.list(base.resolve(dir))) {
                files.forEach(f -> assertTrue(
                        entries.containsKey("/" + base.relativize(f).toString().replace('\\', '/')),
                        "in the payload but not in session.manifest: " + f));
            }
        }
    }

    @Test
    void openboxHasOneDesktopNoMenusAndNoBindingButFocusAndRaise() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document rc;
        try (InputStream in = Files.newInputStream(payload().resolve("etc/digiclub/openbox/rc.xml"))) {
            rc = f.newDocumentBuilder().parse(in);
        }
        Element root = rc.getDocumentElement();
        assertEquals("openbox_config", root.getTagName());

        assertEquals("1", text(root, "desktops", "number"), "one desktop: nowhere to send the lock screen");
        assertEquals(0, root.getElementsByTagName("keybind").getLength(), "no key binding at all");
        assertEquals(
                1, root.getElementsByTagName("keyboard").getLength(), "an empty <keyboard>, not openbox's defaults");
        // no menu file: nothing for a right click on the desktop, no window menu
        assertEquals(0, root.getElementsByTagName("file").getLength(), "a menu file is configured");
        assertEquals(1, root.getElementsByTagName("menu").getLength());

        NodeList contexts = root.getElementsByTagName("context");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < contexts.getLength(); i++) {
            names.add(((Element) contexts.item(i)).getAttribute("name"));
        }
        assertEquals(
                List.of("Client"),
                names,
                "mouse bindings only inside windows (none on the desktop, frame, title or buttons)");
        NodeList actions = root.getElementsByTagName("action");
        assertTrue(actions.getLength() > 0, "a click must still focus a visitor program");
        for (int i = 0; i < actions.getLength(); i++) {
            String action = ((Element) actions.item(i)).getAttribute("name");
            assertTrue(ALLOWED_ACTIONS.contains(action), "a binding does " + action);
        }
        NodeList binds = root.getElementsByTagName("mousebind");
        for (int i = 0; i < binds.getLength(); i++) {
            assertEquals(
                    "Press",
                    ((Element) binds.item(i)).getAttribute("action"),
                    "only presses (no drag, no double click)");
        }
        // the title bar has a label only: no iconify, maximise, close, shade or omnipresent buttons
        assertEquals("L", text(root, "theme", "titleLayout"));
        // visitor programs may not cover the session bar
        assertNotNull(text(root, "applications", "application"));
        Element app = (Element) root.getElementsByTagName("application").item(0);
        assertEquals("*", app.getAttribute("class"));
        assertEquals("no", text(root, "application", "fullscreen"));
        assertEquals("normal", text(root, "application", "layer"));
    }

    @Test
    void noVtSwitchNoZapNoSpareConsolesNoSysrq() throws Exception {
        String xorg = read("/etc/X11/xorg.conf.d/50-digiclub.conf");
        assertTrue(
                Pattern.compile("(?m)^\\s*Option\\s+\"DontVTSwitch\"\\s+\"true\"")
                        .matcher(xorg)
                        .find(),
                xorg);
        assertTrue(
                Pattern.compile("(?m)^\\s*Option\\s+\"DontZap\"\\s+\"true\"")
                        .matcher(xorg)
                        .find(),
                xorg);
        assertTrue(xorg.contains("Section \"ServerFlags\""), xorg);

        Map<String, String> logind = keys(read("/etc/systemd/logind.conf.d/50-digiclub.conf"));
        assertEquals("0", logind.get("NAutoVTs"));
        assertEquals("0", logind.get("ReserveVT"));
        assertTrue(read("/etc/systemd/logind.conf.d/50-digiclub.conf").contains("[Login]"));

        assertEquals("0", keys(read("/etc/sysctl.d/90-digiclub.conf")).get("kernel.sysrq"));
    }

    @Test
    void theUnitRunsTheSessionScriptOnAVtAndRestartsIt() throws Exception {
        Map<String, String> unit = keys(read("/etc/systemd/system/digiclub-session.service"));
        String exec = unit.get("ExecStart");
        assertTrue(exec.startsWith("/opt/digiclub/session/digiclub-session :0 "), exec);
        assertTrue(exec.contains("Xorg vt7"), exec);
        assertTrue(exec.contains("-novtswitch"), exec);
        assertEquals("always", unit.get("Restart"));
        assertEquals("control-group", unit.get("KillMode"));
        assertEquals("getty@tty7.service", unit.get("Conflicts"));

        String session = read("/opt/digiclub/session/digiclub-session");
        assertTrue(session.contains("-nolisten tcp -noreset"), "a server reset forgets the visitor's cookie; no TCP");
        assertTrue(session.contains("generate \"$disp\" . untrusted timeout 0"), "the visitor's cookie is untrusted");
        assertTrue(session.contains("chmod 0640 \"$run/visitor.xauth.new\""));
        assertTrue(session.contains("setpriv --reuid=\"$kiosk_user\""), "the kiosk's part runs as digiclub-kiosk");
        assertFalse(session.contains("xhost"), "no server-interpreted entries: they are trusted");
        assertTrue(read("/opt/digiclub/session/digiclub-kiosk-xsession").contains("xsetroot -solid black"));
        assertTrue(read("/opt/digiclub/session/digiclub-kiosk-xsession").contains("--config-file \"$rc\""));
    }

    @Test
    void theScriptsAreValidBash() throws Exception {
        for (String script : List.of("digiclub-session", "digiclub-kiosk-xsession", "digiclub-supervise")) {
            Process p = new ProcessBuilder(
                            "bash",
                            "-n",
                            payload().resolve("opt/digiclub/session/" + script).toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), script + ": " + out);
        }
    }

    /** {@code key=value} lines (systemd, sysctl), the last one winning; comments and sections skipped. */
    private static Map<String, String> keys(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || l.startsWith("[") || eq < 0) {
                continue;
            }
            keys.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return keys;
    }

    private static String text(Element root, String parent, String child) {
        NodeList parents = root.getElementsByTagName(parent);
        if (parents.getLength() == 0) {
            return null;
        }
        NodeList c = ((Element) parents.item(0)).getElementsByTagName(child);
        return c.getLength() == 0 ? null : c.item(0).getTextContent().strip();
    }
}
