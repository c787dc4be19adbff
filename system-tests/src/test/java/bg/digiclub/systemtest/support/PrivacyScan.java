package bg.digiclub.systemtest.support;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bg.digiclub.agent.store.Database;

/**
 * What must never leave a club PC (DESIGN.md, "Anonymize on the PC"), looked for in every
 * request body the collector was sent: the member codes used and the PIN hashes stored on the
 * PCs, this machine's host names and OS user name, IPv4/IPv6/MAC addresses, URLs, and the exact
 * start times of the sessions (to the minute, in UTC and local time, and as epoch numbers).
 */
public final class PrivacyScan {
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9.])");
    /** Two or more hex groups joined by colons, or a "::" compression; ISO times are removed first. */
    private static final Pattern IPV6 = Pattern.compile("(?i)(?<![0-9a-z:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}(?![0-9a-z:])"
            + "|(?i)[0-9a-f]{0,4}::[0-9a-f]{0,4}");
    private static final Pattern MAC = Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}(?![0-9a-f])");
    private static final Pattern URL = Pattern.compile("(?i)(?:https?|ftp|file)://|www\\.");
    /** Instants and dates are the protocol's; removed before looking for addresses. */
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?");

    private final Set<String> words = new LinkedHashSet<>();

    public PrivacyScan() throws Exception {
        add(System.getProperty("user.name"));
        add(System.getenv("USER"));
        add(System.getenv("LOGNAME"));
        // host names can be short ("vm"); they are looked for however short
        addHost(InetAddress.getLocalHost().getHostName());
        addHost(InetAddress.getLocalHost().getCanonicalHostName());
        Path hostname = Path.of("/etc/hostname");
        if (Files.isReadable(hostname)) {
            addHost(Files.readString(hostname).strip());
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            add(nic.getName().length() >= 4 ? nic.getName() : null);
        }
    }

    private void addHost(String name) {
        if (name != null && name.length() >= 2 && !name.equals("localhost")) {
            words.add(name);
        }
    }

    private void add(String word) {
        if (word != null && !word.isBlank() && word.length() >= 3) {
            words.add(word);
        }
    }

    /** Member codes and PIN hashes kept in a PC's database. */
    public PrivacyScan secretsOf(Database agentDb) throws Exception {
        agentDb.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, pin_hash FROM member_card");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(rs.getString(1));
                    add(rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pin_hash FROM staff_pin");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT member_code FROM session WHERE member_code IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(rs.getString(1));
                }
            }
            return null;
        });
        return this;
    }

    /** The exact start times of these visits, in every spelling a payload could carry. */
    public PrivacyScan startTimesOf(List<Visit> visits, ZoneId zone) {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
        for (Visit v : visits) {
            Instant start = v.startInstant(zone);
            add(minute.format(start.atZone(ZoneId.of("UTC"))));
            add(minute.format(v.start()));
            add(Long.toString(start.getEpochSecond()));
            add(Long.toString(start.toEpochMilli()));
        }
        return this;
    }

    /** Everything found in {@code body}, empty if it is clean. */
    public List<String> findings(String body) {
        List<String> found = new ArrayList<>();
        for (String w : words) {
            if (body.contains(w)) {
                found.add("'" + w + "'");
            }
        }
        if (URL.matcher(body).find()) {
            found.add("a URL");
        }
        String withoutTimes = ISO_TIME.matcher(body).replaceAll("T");
        for (Pattern p : List.of(IPV4, IPV6, MAC)) {
            Matcher m = p.matcher(withoutTimes);
            if (m.find()) {
                found.add("an address: " + m.group());
            }
        }
        return found;
    }

    /** Fails naming each body and what was found in it. */
    public void assertClean(List<FaultProxy.Captured> bodies) {
        List<String> problems = new ArrayList<>();
        for (FaultProxy.Captured c : bodies) {
            List<String> found = findings(c.text());
            if (!found.isEmpty()) {
                problems.add(c.method() + " " + c.path() + ": " + found + " in " + c.text());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("identifying data left the PC:\n" + String.join("\n", problems));
        }
        if (bodies.isEmpty()) {
            throw new AssertionError("no request bodies were captured: the scan proves nothing");
        }
    }

    public int wordCount() {
        return words.size();
    }
}
