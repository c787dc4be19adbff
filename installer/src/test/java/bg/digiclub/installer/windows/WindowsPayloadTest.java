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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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
    private static final String AA_V3 = "http://schemas.microsoft.com/AssignedAccess/2020/config";
    private static final String AA_V5 = "http://schemas.microsoft.com/AssignedAccess/2022/config";
    private static final String START_LAYOUT_MODIFICATION =
            "http://schemas.microsoft.com/Start/2014/LayoutModification";
    private static final String START_LAYOUT = "http://schemas.microsoft.com/Start/2014/StartLayout";
    private static final String SL = "http://schemas.microsoft.com/ShellLauncher/2018/Configuration";
    private static final String SL_V2 = "http://schemas.microsoft.com/ShellLauncher/2019/Configuration";
    private static final String KIOSK_EXE = "%ProgramFiles%\\DigiClub\\kiosk\\digiclub-kiosk.exe";

    @Test
    void everyXmlFileIsWellFormedAndAscii() throws Exception {
        for (String name : List.of(
                "digiclub-agent.xml",
                "assigned-access-pro.xml",
                "assigned-access-pro-win10.xml",
                "shell-launcher.xml")) {
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
        for (String part : List.of(
                "@\"%BASE%\\agent.jvm-options\"",
                "-jar \"%BASE%\\digiclub-agent.jar\" run", "--config \"%ProgramData%\\DigiClub\\agent.properties\"")) {
            assertTrue(arguments.contains(part), "arguments lack " + part + ": " + arguments);
        }
        assertEquals(
                0,
                service.getElementsByTagName("serviceaccount").getLength(),
                "runs as LocalSystem: the agent ends and resets the visitor's account, and starts the kiosk as digiclub-kiosk"
                        + " (an S4U logon and a token's session id take SeTcbPrivilege)");
        assertEquals(
                "roll-by-size", ((Element) service.getElementsByTagName("log").item(0)).getAttribute("mode"));
    }

    @Test
    void assignedAccessOnWindows11LetsTheVisitorRunTheBrowserAndOfficeOnlyAndStartsNothingByItself() throws Exception {
        Document doc = parse(bytes("assigned-access-pro.xml"));
        assertVisitorProfileNeverRunsTheKiosk("assigned-access-pro.xml", doc);

        Element profile = (Element) doc.getElementsByTagNameNS(AA, "Profile").item(0);
        assertEquals(
                List.of("AllAppsList", "FileExplorerNamespaceRestrictions", "StartPins", "Taskbar"),
                childNames(profile),
                "Windows 11's order (Microsoft's XSD): the Start pins, no Windows 10 StartLayout");
        Element pins = (Element) doc.getElementsByTagNameNS(AA_V5, "StartPins").item(0);
        assertNotNull(pins, "StartPins in the Windows 11 (2022) namespace");
        JsonNode pinned = new ObjectMapper().readTree(pins.getTextContent()).get("pinnedList");
        assertTrue(pinned != null && pinned.isArray() && pinned.size() >= 2, "pinnedList: " + pins.getTextContent());
        for (JsonNode pin : pinned) {
            String link = pin.path("desktopAppLink").asText("");
            assertTrue(
                    link.endsWith(".lnk") && link.startsWith("%ALLUSERSPROFILE%\\"),
                    "a shortcut every account sees: " + pin);
            assertFalse(link.toLowerCase(Locale.ROOT).contains("digiclub"), "the kiosk is no visitor program: " + pin);
        }
        assertEquals(
                "true",
                taskbar(doc).getAttribute("ShowTaskbar"),
                "Windows 11 ignores ShowTaskbar; Microsoft says to configure it true, and the docs must not promise a hidden taskbar");
    }

    @Test
    void assignedAccessOnWindows10HasTheSameProgramsAStartLayoutAndNothingOfWindows11() throws Exception {
        byte[] bytes = bytes("assigned-access-pro-win10.xml");
        Document doc = parse(bytes);
        assertVisitorProfileNeverRunsTheKiosk("assigned-access-pro-win10.xml", doc);

        String text = new String(bytes, StandardCharsets.US_ASCII);
        for (String newer : List.of(AA_V5, "http://schemas.microsoft.com/AssignedAccess/2021/config")) {
            assertFalse(text.contains(newer), "Windows 10 does not know " + newer);
        }
        Element profile = (Element) doc.getElementsByTagNameNS(AA, "Profile").item(0);
        assertEquals(
                List.of("AllAppsList", "FileExplorerNamespaceRestrictions", "StartLayout", "Taskbar"),
                childNames(profile),
                "Windows 10's order (Microsoft's XSD), with the StartLayout a restricted user experience must define there");
        Element startLayout =
                (Element) profile.getElementsByTagNameNS(AA, "StartLayout").item(0);
        Document layout = parse(startLayout.getTextContent().trim().getBytes(StandardCharsets.UTF_8));
        assertEquals(START_LAYOUT_MODIFICATION, layout.getDocumentElement().getNamespaceURI());
        assertEquals("LayoutModificationTemplate", layout.getDocumentElement().getLocalName());
        NodeList tiles = layout.getElementsByTagNameNS(START_LAYOUT, "DesktopApplicationTile");
        assertTrue(tiles.getLength() >= 2, "tiles: " + tiles.getLength());
        for (int i = 0; i < tiles.getLength(); i++) {
            String link = ((Element) tiles.item(i)).getAttribute("DesktopApplicationLinkPath");
            assertTrue(
                    link.endsWith(".lnk") && link.startsWith("%ALLUSERSPROFILE%\\"),
                    "a shortcut every account sees: " + link);
            assertFalse(link.toLowerCase(Locale.ROOT).contains("digiclub"), "the kiosk is no visitor program: " + link);
        }
        assertEquals(
                "false",
                taskbar(doc).getAttribute("ShowTaskbar"),
                "Windows 10 hides the taskbar; the session bar replaces it");

        assertEquals(
                allowedApps(parse(bytes("assigned-access-pro.xml"))),
                allowedApps(doc),
                "Windows 10 and 11 allow the visitor the same programs");
    }

    /**
     * The decision of docs/operations.md, "Windows": the visitor's Assigned Access profile neither
     * allows nor starts the kiosk (AutoLaunch would start it as the visitor), and binds the visitor's
     * account alone (a global profile or a group would bind digiclub-kiosk too).
     */
    private static void assertVisitorProfileNeverRunsTheKiosk(String name, Document doc) {
        Element root = doc.getDocumentElement();
        assertEquals(AA, root.getNamespaceURI(), name);
        assertEquals("AssignedAccessConfiguration", root.getLocalName(), name);

        NodeList profiles = doc.getElementsByTagNameNS(AA, "Profile");
        assertEquals(1, profiles.getLength(), name);
        String profileId = ((Element) profiles.item(0)).getAttribute("Id");
        assertTrue(profileId.matches("\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}}"), profileId);

        NodeList configs = doc.getElementsByTagNameNS(AA, "Config");
        assertEquals(1, configs.getLength(), name);
        Element config = (Element) configs.item(0);
        NodeList accounts = doc.getElementsByTagNameNS(AA, "Account");
        assertEquals(1, accounts.getLength(), name + ": one account");
        assertEquals("digiclub-visitor", accounts.item(0).getTextContent().trim(), name);
        assertEquals(
                profileId,
                ((Element) config.getElementsByTagNameNS(AA, "DefaultProfile").item(0)).getAttribute("Id"),
                name);
        for (String[] broader : List.of(
                new String[] {AA, "UserGroup"},
                new String[] {AA, "SpecialGroup"},
                new String[] {AA, "AutoLogonAccount"},
                new String[] {AA_V3, "GlobalProfile"})) {
            assertEquals(
                    0,
                    doc.getElementsByTagNameNS(broader[0], broader[1]).getLength(),
                    name + ": no " + broader[1] + " - it would bind other accounts, digiclub-kiosk among them");
        }

        NodeList apps = doc.getElementsByTagNameNS(AA, "App");
        assertTrue(apps.getLength() > 0, name);
        for (int i = 0; i < apps.getLength(); i++) {
            Element app = (Element) apps.item(i);
            String path = app.getAttribute("DesktopAppPath");
            assertFalse(
                    app.hasAttributeNS(AA_RS5, "AutoLaunch"),
                    name + ": nothing starts by itself as the visitor, least of all the kiosk: " + path);
            assertFalse(app.hasAttributeNS(AA_RS5, "AutoLaunchArguments"), name + ": " + path);
        }
        List<String> allowed = allowedApps(doc);
        for (String path : allowed) {
            assertFalse(
                    path.contains("digiclub"),
                    name + ": the kiosk is not a visitor program (the agent starts it as digiclub-kiosk): " + path);
            assertFalse(
                    path.endsWith("\\java.exe") || path.endsWith("\\javaw.exe"),
                    name + ": a Java runtime runs any jar: " + path);
        }
        assertTrue(allowed.stream().anyMatch(p -> p.endsWith("\\msedge.exe")), name + ": a browser: " + allowed);
        assertTrue(allowed.stream().anyMatch(p -> p.endsWith("\\soffice.exe")), name + ": office: " + allowed);
        for (String escape : List.of(
                "explorer.exe",
                "cmd.exe",
                "powershell.exe",
                "pwsh.exe",
                "regedit.exe",
                "taskmgr.exe",
                "mmc.exe",
                "control.exe",
                "wscript.exe",
                "cscript.exe",
                "mshta.exe",
                "rundll32.exe")) {
            assertTrue(
                    allowed.stream().noneMatch(p -> p.endsWith("\\" + escape)),
                    name + ": " + escape + " must not be allowed: " + allowed);
        }

        Element restrictions = (Element) doc.getElementsByTagNameNS(AA_RS5, "FileExplorerNamespaceRestrictions")
                .item(0);
        assertNotNull(restrictions, name + ": file dialogs restricted");
        assertEquals(
                "Downloads",
                ((Element) restrictions
                                .getElementsByTagNameNS(AA_RS5, "AllowedNamespace")
                                .item(0))
                        .getAttribute("Name"));
        assertEquals(
                1,
                restrictions
                        .getElementsByTagNameNS(AA_V3, "AllowRemovableDrives")
                        .getLength(),
                name + ": USB sticks");
        assertEquals(
                0, restrictions.getElementsByTagNameNS(AA_V3, "NoRestriction").getLength(), name);
    }

    @Test
    void theKioskAccountCheckFailsUnlessEveryKioskRunsAsTheKioskAccountInTheConsoleSession() throws Exception {
        byte[] bytes = bytes("kiosk-account-check.ps1");
        assertAscii("kiosk-account-check.ps1", bytes);
        String ps = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(ps.contains("[string]$KioskAccount = 'digiclub-kiosk'"));
        String kioskExe = KIOSK_EXE.substring(KIOSK_EXE.lastIndexOf('\\') + 1);
        assertTrue(
                ps.contains("[string]$KioskExe = '" + kioskExe + "'"),
                "the executable Shell Launcher and the agent start");
        String code = code(ps);
        assertTrue(
                code.contains("Get-CimInstance -ClassName Win32_Process -Filter \"Name = '$KioskExe'\""),
                "every kiosk process");
        assertTrue(code.contains("foreach ($kiosk in $kiosks)"), "each of them, a warm standby too");
        assertTrue(
                code.contains("Invoke-CimMethod -InputObject $kiosk -MethodName GetOwner"), "its owner, from Windows");
        assertTrue(code.contains("($owner.User -ieq $KioskAccount)"), "owned by the kiosk's account");
        assertTrue(
                code.contains("($owner.Domain -ieq $env:COMPUTERNAME)"),
                "the local account, not a domain account of that name");
        assertTrue(code.contains("($owner.ReturnValue -eq 0)"), "an owner Windows could not tell is not the kiosk's");
        assertTrue(
                code.contains("WTSGetActiveConsoleSessionId") && code.contains("$kiosk.SessionId -ne $console"),
                "on the visitor's screen, the console session");
        assertTrue(code.contains("if ($bad) { exit 1 }"), "a kiosk of another account fails the check");
        assertTrue(code.contains("exit 2"), "no kiosk at all fails it too");
        assertFalse(code.contains("digiclub-visitor"), "the visitor's account is never an accepted owner");
        assertEquals(count(code, "{"), count(code, "}"), "braces balanced");
        assertEquals(count(code, "("), count(code, ")"), "parentheses balanced");
    }

    @Test
    void shellLauncherMakesTheKioskTheShellOfTheKioskAccountAndAlwaysRestartsIt() throws Exception {
        Document doc = parse(bytes("shell-launcher.xml"));
        assertEquals(SL, doc.getDocumentElement().getNamespaceURI());
        Element profile = (Element) doc.getElementsByTagNameNS(SL, "Profile").item(0);
        String profileId = profile.getAttribute("Id");
        Element shell = (Element) profile.getElementsByTagNameNS(SL, "Shell").item(0);
        assertEquals(KIOSK_EXE, shell.getAttribute("Shell"));
        assertEquals(
                "Desktop", shell.getAttributeNS(SL_V2, "AppType"), "a Win32 program needs Shell Launcher v2's AppType");
        assertEquals(
                "RestartShell",
                ((Element) shell.getElementsByTagNameNS(SL, "DefaultAction").item(0)).getAttribute("Action"));
        NodeList codes = shell.getElementsByTagNameNS(SL, "ReturnCodeAction");
        for (int i = 0; i < codes.getLength(); i++) {
            assertEquals("RestartShell", ((Element) codes.item(i)).getAttribute("Action"));
        }
        Element config = (Element) doc.getElementsByTagNameNS(SL, "Config").item(0);
        assertEquals(
                "digiclub-kiosk",
                ((Element) config.getElementsByTagNameNS(SL, "Account").item(0)).getAttribute("Name"));
        assertEquals(
                profileId,
                ((Element) config.getElementsByTagNameNS(SL, "Profile").item(0)).getAttribute("Id"));
        Element fallback =
                (Element) doc.getElementsByTagNameNS(SL, "DefaultProfile").item(0);
        assertTrue(
                ((Element) fallback.getElementsByTagNameNS(SL, "Shell").item(0))
                        .getAttribute("Shell")
                        .endsWith("explorer.exe"),
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
            assertTrue(
                    keys.group(1).startsWith("HKEY_USERS\\DIGICLUB_VISITOR\\"),
                    "every key in the visitor's loaded hive, never the machine's or the current user's: "
                            + keys.group(1));
        }
        assertTrue(count >= 4, "keys: " + count);
        for (String value : List.of(
                "\"DisableTaskMgr\"=dword:00000001",
                "\"DisableCMD\"=dword:00000001",
                "\"NoRun\"=dword:00000001",
                "\"NoControlPanel\"=dword:00000001",
                "\"DisableRegistryTools\"=dword:00000001",
                "\"ForceEphemeralProfiles\"=dword:00000001",
                "\"DeveloperToolsAvailability\"=dword:00000002",
                "\"PasswordManagerEnabled\"=dword:00000000",
                "\"BrowserSignin\"=dword:00000000")) {
            assertTrue(reg.contains(value + "\r\n"), "missing " + value);
        }
        for (String line : reg.split("\r\n")) {
            assertTrue(
                    line.isEmpty()
                            || line.startsWith(";")
                            || line.startsWith("[")
                            || line.startsWith("Windows Registry")
                            || line.matches("\"[A-Za-z]+\"=dword:[0-9a-f]{8}"),
                    "not a comment, key or dword: " + line);
        }
    }

    @Test
    void theLinkDirectoryAdmitsOnlySystemAdministratorsAndTheKioskAccount() throws Exception {
        byte[] bytes = bytes("link-acl.ps1");
        assertAscii("link-acl.ps1", bytes);
        String ps = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(ps.contains("[string]$KioskAccount = 'digiclub-kiosk'"));
        assertTrue(
                ps.contains("$acl.SetAccessRuleProtection($true, $false)"),
                "inheritance from ProgramData cut, nothing copied");
        assertTrue(
                ps.contains("'S-1-5-18'") && ps.contains("'S-1-5-32-544'"),
                "SYSTEM and Administrators by SID, not by localised name");
        assertEquals(3, count(ps, "$acl.AddAccessRule("), "exactly three entries");
        assertTrue(ps.contains("FileSystemAccessRule($kiosk, 'ReadAndExecute, Write'"));
        String code = code(ps);
        for (String never : List.of("S-1-1-0", "S-1-5-32-545", "S-1-5-11", "Everyone", "'Users'", "digiclub-visitor")) {
            assertFalse(code.contains(never), "the link must not admit " + never);
        }
        assertTrue(code.contains("Set-Acl -Path $LinkDir -AclObject $acl"));
        assertTrue(code.contains("if ($bad) { exit 1 }"), "a leftover entry fails the script");
        assertEquals(count(code, "{"), count(code, "}"), "braces balanced");
        assertEquals(count(code, "("), count(code, ")"), "parentheses balanced");
    }

    /** The script without its comments: what PowerShell runs. */
    private static String code(String ps) {
        return ps.lines()
                .filter(l -> !l.trim().startsWith("#"))
                .map(l -> l.replaceAll("\\s#.*$", ""))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static List<String> allowedApps(Document doc) {
        List<String> allowed = new ArrayList<>();
        NodeList apps = doc.getElementsByTagNameNS(AA, "App");
        for (int i = 0; i < apps.getLength(); i++) {
            allowed.add(((Element) apps.item(i)).getAttribute("DesktopAppPath").toLowerCase(Locale.ROOT));
        }
        return allowed;
    }

    private static Element taskbar(Document doc) {
        NodeList taskbars = doc.getElementsByTagNameNS(AA, "Taskbar");
        assertEquals(1, taskbars.getLength(), "one <Taskbar>");
        return (Element) taskbars.item(0);
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getLocalName());
            }
        }
        return names;
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
