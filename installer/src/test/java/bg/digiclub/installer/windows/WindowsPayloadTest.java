package bg.digiclub.installer.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated Windows files (payload/windows), checked for content here since nothing runs on
 * Windows in CI: each XML file well-formed, in the namespaces Windows expects, with the facts the
 * club PC depends on (docs/operations.md, "Windows").
 */
class WindowsPayloadTest {
    private static final String DIR = "/payload/windows/";
    private static final String AA = "http://schemas.microsoft.com/AssignedAccess/2017/config";
    private static final String AA_RS5 = "http://schemas.microsoft.com/AssignedAccess/201810/config";
    private static final String SL = "http://schemas.microsoft.com/ShellLauncher/2018/Configuration";
    private static final String SL_V2 = "http://schemas.microsoft.com/ShellLauncher/2019/Configuration";
    private static final String KIOSK_EXE = "%ProgramFiles%\\DigiClub\\kiosk\\digiclub-kiosk.exe";

    @Test
    void everyXmlFileIsWellFormedAndAscii() throws Exception {
        for (String name : List.of("digiclub-agent.xml", "assigned-access-pro.xml", "shell-launcher.xml")) {
            byte[] bytes = bytes(name);
            assertNotNull(parse(bytes), name);
            assertAscii(name, bytes);
        }
    }

    @Test
    void theAgentServiceStartsDelayedAndIsRestartedAfterEveryFailure() throws Exception {
        Element service = parse(bytes("digiclub-agent.xml")).getDocumentElement();
        assertEquals("service", service.getTagName());
        assertEquals("digiclub-agent", text(service, "id"));
        assertEquals("Automatic", text(service, "startmode"));
        assertEquals("true", text(service, "delayedAutoStart"), "OSHI's WMI can hang early in Windows' start");
        NodeList failures = service.getElementsByTagName("onfailure");
        assertTrue(failures.getLength() >= 3, "Windows' recovery has three slots: restart in each");
        for (int i = 0; i < failures.getLength(); i++) {
            assertEquals("restart", ((Element) failures.item(i)).getAttribute("action"));
        }
        assertFalse(text(service, "resetfailure").isBlank());
        assertTrue(text(service, "executable").endsWith("java.exe"), text(service, "executable"));
        String arguments = text(service, "arguments");
        for (String part : List.of("@\"%BASE%\\agent.jvm-options\"", "-jar \"%BASE%\\digiclub-agent.jar\" run",
                "--config \"%ProgramData%\\DigiClub\\agent.properties\"")) {
            assertTrue(arguments.contains(part), "arguments lack " + part + ": " + arguments);
        }
        assertEquals(0, service.getElementsByTagName("serviceaccount").getLength(),
                "runs as LocalSystem: the agent ends and resets the visitor's account");
        assertEquals("roll-by-size", ((Element) service.getElementsByTagName("log").item(0)).getAttribute("mode"));
    }

    @Test
    void assignedAccessOnProLetsTheVisitorRunTheKioskTheBrowserAndOfficeOnlyAndStartsTheKiosk() throws Exception {
        Document doc = parse(bytes("assigned-access-pro.xml"));
        Element root = doc.getDocumentElement();
        assertEquals(AA, root.getNamespaceURI());
        assertEquals("AssignedAccessConfiguration", root.getLocalName());

        NodeList profiles = doc.getElementsByTagNameNS(AA, "Profile");
        assertEquals(1, profiles.getLength());
        String profileId = ((Element) profiles.item(0)).getAttribute("Id");
        assertTrue(profileId.matches("\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}}"), profileId);

        NodeList configs = doc.getElementsByTagNameNS(AA, "Config");
        assertEquals(1, configs.getLength());
        Element config = (Element) configs.item(0);
        assertEquals("digiclub-visitor", config.getElementsByTagNameNS(AA, "Account").item(0).getTextContent().trim());
        assertEquals(profileId, ((Element) config.getElementsByTagNameNS(AA, "DefaultProfile").item(0)).getAttribute("Id"));

        List<String> allowed = new ArrayList<>();
        List<String> autoLaunched = new ArrayList<>();
        NodeList apps = doc.getElementsByTagNameNS(AA, "App");
        for (int i = 0; i < apps.getLength(); i++) {
            Element app = (Element) apps.item(i);
            String path = app.getAttribute("DesktopAppPath");
            allowed.add(path.toLowerCase(Locale.ROOT));
            if ("true".equals(app.getAttributeNS(AA_RS5, "AutoLaunch"))) {
                autoLaunched.add(path);
            }
        }
        assertEquals(List.of(KIOSK_EXE), autoLaunched, "the kiosk, and only it, starts at sign-in");
        assertTrue(allowed.stream().anyMatch(p -> p.endsWith("\\msedge.exe")), "a browser: " + allowed);
        assertTrue(allowed.stream().anyMatch(p -> p.endsWith("\\soffice.exe")), "office: " + allowed);
        for (String escape : List.of("explorer.exe", "cmd.exe", "powershell.exe", "pwsh.exe", "regedit.exe", "taskmgr.exe",
                "mmc.exe", "control.exe", "wscript.exe", "cscript.exe")) {
            assertTrue(allowed.stream().noneMatch(p -> p.endsWith("\\" + escape)), escape + " must not be allowed: " + allowed);
        }
        Element taskbar = (Element) doc.getElementsByTagNameNS(AA, "Taskbar").item(0);
        assertEquals("false", taskbar.getAttribute("ShowTaskbar"));
    }

    @Test
    void shellLauncherMakesTheKioskTheShellOfTheKioskAccountAndAlwaysRestartsIt() throws Exception {
        Document doc = parse(bytes("shell-launcher.xml"));
        assertEquals(SL, doc.getDocumentElement().getNamespaceURI());
        Element profile = (Element) doc.getElementsByTagNameNS(SL, "Profile").item(0);
        String profileId = profile.getAttribute("Id");
        Element shell = (Element) profile.getElementsByTagNameNS(SL, "Shell").item(0);
        assertEquals(KIOSK_EXE, shell.getAttribute("Shell"));
        assertEquals("Desktop", shell.getAttributeNS(SL_V2, "AppType"), "a Win32 program needs Shell Launcher v2's AppType");
        assertEquals("RestartShell", ((Element) shell.getElementsByTagNameNS(SL, "DefaultAction").item(0)).getAttribute("Action"));
        NodeList codes = shell.getElementsByTagNameNS(SL, "ReturnCodeAction");
        for (int i = 0; i < codes.getLength(); i++) {
            assertEquals("RestartShell", ((Element) codes.item(i)).getAttribute("Action"));
        }
        Element config = (Element) doc.getElementsByTagNameNS(SL, "Config").item(0);
        assertEquals("digiclub-kiosk", ((Element) config.getElementsByTagNameNS(SL, "Account").item(0)).getAttribute("Name"));
        assertEquals(profileId, ((Element) config.getElementsByTagNameNS(SL, "Profile").item(0)).getAttribute("Id"));
        Element fallback = (Element) doc.getElementsByTagNameNS(SL, "DefaultProfile").item(0);
        assertTrue(((Element) fallback.getElementsByTagNameNS(SL, "Shell").item(0)).getAttribute("Shell").endsWith("explorer.exe"),
                "staff and administrators keep Explorer");
    }

    @Test
    void visitorPoliciesGoIntoTheVisitorsHiveOnlyAndCloseTheUsualWaysOut() throws Exception {
        byte[] bytes = bytes("visitor-policies.reg");
        assertAscii("visitor-policies.reg", bytes);
        String reg = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(reg.startsWith("Windows Registry Editor Version 5.00\r\n"), "regedit's header");
        assertFalse(reg.replace("\r\n", "").contains("\n"), "CRLF line ends, as regedit writes them");
        Matcher keys = Pattern.compile("^\\[(.*)]\\r?$", Pattern.MULTILINE).matcher(reg);
        int count = 0;
        while (keys.find()) {
            count++;
            assertTrue(keys.group(1).startsWith("HKEY_USERS\\DIGICLUB_VISITOR\\"),
                    "every key in the visitor's loaded hive, never the machine's or the current user's: " + keys.group(1));
        }
        assertTrue(count >= 4, "keys: " + count);
        for (String value : List.of("\"DisableTaskMgr\"=dword:00000001", "\"DisableCMD\"=dword:00000001", "\"NoRun\"=dword:00000001",
                "\"NoControlPanel\"=dword:00000001", "\"DisableRegistryTools\"=dword:00000001",
                "\"ForceEphemeralProfiles\"=dword:00000001", "\"DeveloperToolsAvailability\"=dword:00000002",
                "\"PasswordManagerEnabled\"=dword:00000000", "\"BrowserSignin\"=dword:00000000")) {
            assertTrue(reg.contains(value + "\r\n"), "missing " + value);
        }
        for (String line : reg.split("\r\n")) {
            assertTrue(line.isEmpty() || line.startsWith(";") || line.startsWith("[") || line.startsWith("Windows Registry")
                    || line.matches("\"[A-Za-z]+\"=dword:[0-9a-f]{8}"), "not a comment, key or dword: " + line);
        }
    }

    @Test
    void theLinkDirectoryAdmitsOnlySystemAdministratorsAndTheKioskAccount() throws Exception {
        byte[] bytes = bytes("link-acl.ps1");
        assertAscii("link-acl.ps1", bytes);
        String ps = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(ps.contains("[string]$KioskAccount = 'digiclub-kiosk'"));
        assertTrue(ps.contains("$acl.SetAccessRuleProtection($true, $false)"), "inheritance from ProgramData cut, nothing copied");
        assertTrue(ps.contains("'S-1-5-18'") && ps.contains("'S-1-5-32-544'"), "SYSTEM and Administrators by SID, not by localised name");
        assertEquals(3, count(ps, "$acl.AddAccessRule("), "exactly three entries");
        assertTrue(ps.contains("FileSystemAccessRule($kiosk, 'ReadAndExecute, Write'"));
        String code = ps.lines().filter(l -> !l.trim().startsWith("#")).map(l -> l.replaceAll("\\s#.*$", ""))
                .reduce("", (a, b) -> a + b + "\n");
        for (String never : List.of("S-1-1-0", "S-1-5-32-545", "S-1-5-11", "Everyone", "'Users'", "digiclub-visitor")) {
            assertFalse(code.contains(never), "the link must not admit " + never);
        }
        assertTrue(code.contains("Set-Acl -Path $LinkDir -AclObject $acl"));
        assertTrue(code.contains("if ($bad) { exit 1 }"), "a leftover entry fails the script");
        assertEquals(count(code, "{"), count(code, "}"), "braces balanced");
        assertEquals(count(code, "("), count(code, ")"), "parentheses balanced");
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = WindowsPayloadTest.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, DIR + name + " is not on the class path");
            return in.readAllBytes();
        }
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertEquals(1, nodes.getLength(), "one <" + tag + ">");
        return nodes.item(0).getTextContent().trim();
    }

    private static void assertAscii(String name, byte[] bytes) {
        for (byte b : bytes) {
            assertTrue(b >= 0, name + ": not ASCII (Windows PowerShell 5.1 and regedit read such files as ANSI)");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
