package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional nightly restart of a club PC. The payload lays out
 * {@code digiclub-nightly-reboot.timer} and its service on every PC, without an {@code [Install]}
 * section (so no install enables it by itself); asked for a time ({@code --nightly-reboot 03:30}),
 * the installer links the timer into {@code timers.target.wants} and writes the time into a
 * drop-in; asked for {@code off}, it removes both. Not asked, it leaves them as they are, so that
 * installing again or upgrading keeps the choice.
 */
public final class NightlyReboot {
    public static final String TIMER_NAME = "digiclub-nightly-reboot.timer";
    public static final String TIMER = "/etc/systemd/system/" + TIMER_NAME;
    public static final String WANTS = "/etc/systemd/system/timers.target.wants";
    public static final String LINK = WANTS + "/" + TIMER_NAME;
    public static final String DROP_IN_DIR = TIMER + ".d";
    public static final String DROP_IN = DROP_IN_DIR + "/digiclub-time.conf";

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");
    private static final Pattern ON_CALENDAR = Pattern.compile("(?m)^OnCalendar=\\*-\\*-\\* ([0-9]{2}:[0-9]{2}):00$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What the command line asked for: a time, or off ({@link #at} empty). */
    public record Choice(Optional<LocalTime> at) {
        public static final Choice OFF = new Choice(Optional.empty());

        /**
         * {@code HH:MM} (24-hour, the PC's local time) or {@code off}; anything else is refused
         * naming the option.
         */
        public static Choice parse(String value) {
            String v = value.strip();
            if (v.equalsIgnoreCase("off")) {
                return OFF;
            }
            Matcher m = HH_MM.matcher(v);
            if (!m.matches()) {
                throw new IllegalArgumentException("--nightly-reboot " + value
                        + ": give the time as HH:MM on the 24-hour clock (e.g. 03:30), or off");
            }
            return new Choice(Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
        }

        @Override
        public String toString() {
            return at.map(TIME::format).orElse("off");
        }
    }

    private NightlyReboot() {}

    /** The drop-in that sets the time (the timer's own OnCalendar= is emptied first, then set). */
    static byte[] dropIn(LocalTime at) {
        String hhmm = TIME.format(at);
        return ("# Written by digiclub-installer --nightly-reboot " + hhmm + " (docs/operations.md, \"Lockdown\").\n"
                        + "# Another time: digiclub-installer upgrade --nightly-reboot HH:MM; none: --nightly-reboot off.\n"
                        + "[Timer]\nOnCalendar=\nOnCalendar=*-*-* " + hhmm + ":00\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Makes the PC as asked; nothing when not asked ({@code choice} empty). Every change is
     * recorded in the tree's journal; answers whether anything changed. On this machine itself the
     * caller reloads systemd and (re)starts or stops the timer: see {@link #systemctlAfter}.
     */
    static boolean apply(Tree tree, Journal journal, Optional<Choice> choice) throws IOException {
        if (choice.isEmpty()) {
            return false;
        }
        int before = journal.changes().size();
        Target target = tree.target();
        Optional<LocalTime> at = choice.get().at();
        if (at.isPresent()) {
            tree.directory(DROP_IN_DIR, 0755, "root", "root");
            tree.file(DROP_IN, dropIn(at.get()), 0644, "root", "root");
            tree.directory(WANTS, 0755, "root", "root");
            tree.symlink(LINK, TIMER);
        } else {
            remove(tree, target.resolve(LINK), LINK);
            remove(tree, target.resolve(DROP_IN), DROP_IN);
            Path dir = target.resolve(DROP_IN_DIR);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && isEmpty(dir)) {
                Files.delete(dir);
                tree.journalRecord("removed " + DROP_IN_DIR, () -> Files.createDirectory(dir));
            }
        }
        return journal.changes().size() > before;
    }

    /** What systemctl must do on the running PC once the files are as asked. */
    static List<String> systemctlAfter(Choice choice) {
        return choice.at().isPresent() ? List.of("restart", TIMER_NAME) : List.of("stop", TIMER_NAME);
    }

    /** A file or link removed, put back if the install is undone. */
    private static void remove(Tree tree, Path p, String layoutPath) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(p)) {
            Path to = Files.readSymbolicLink(p);
            Files.delete(p);
            tree.journalRecord("removed " + layoutPath, () -> Files.createSymbolicLink(p, to));
        } else {
            byte[] old = Files.readAllBytes(p);
            Files.delete(p);
            tree.journalRecord("removed " + layoutPath, () -> Files.write(p, old));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** What uninstall removes besides the payload's files. */
    static List<String> uninstallPaths() {
        return List.of(LINK, DROP_IN_DIR);
    }

    /**
     * {@code verify}'s findings: the time it restarts at (a note), or what is half done (a link
     * without its time, a time without its link, a time systemd would not read).
     */
    static List<Verifier.Finding> check(Target target) throws IOException {
        List<Verifier.Finding> findings = new ArrayList<>();
        Path link = target.resolve(LINK);
        Path dropIn = target.resolve(DROP_IN);
        boolean linked = Files.isSymbolicLink(link);
        boolean timed = Files.isRegularFile(dropIn, LinkOption.NOFOLLOW_LINKS);
        String fix = "digiclub-installer upgrade --nightly-reboot HH:MM (or --nightly-reboot off)";
        if (!linked && !timed) {
            findings.add(new Verifier.Finding(
                    false,
                    "no nightly restart (" + TIMER_NAME + " is not enabled)",
                    "digiclub-installer upgrade --nightly-reboot 03:30 turns it on, if you want one"));
            return findings;
        }
        if (linked && !Files.readSymbolicLink(link).toString().equals(TIMER)) {
            findings.add(new Verifier.Finding(
                    true, LINK + " points to " + Files.readSymbolicLink(link) + ", not " + TIMER, fix));
            return findings;
        }
        Optional<String> time = timed ? time(Files.readString(dropIn, StandardCharsets.UTF_8)) : Optional.empty();
        if (timed && time.isEmpty()) {
            findings.add(new Verifier.Finding(
                    true,
                    DROP_IN + " has no OnCalendar=*-*-* HH:MM:00 line: the nightly restart " + "time is unknown",
                    fix));
        } else if (!linked) {
            findings.add(new Verifier.Finding(
                    true,
                    "a nightly restart at " + time.get() + " was asked for, but " + TIMER_NAME + " is not enabled (no "
                            + LINK + ")",
                    fix));
        } else if (!timed) {
            findings.add(new Verifier.Finding(
                    true,
                    TIMER_NAME + " is enabled without its time (" + DROP_IN
                            + " missing): it restarts the PC at the unit's 03:30",
                    fix));
        } else {
            findings.add(new Verifier.Finding(
                    false, "the PC restarts every night at " + time.get() + " (local time; " + TIMER_NAME + ")", ""));
        }
        if (linked && target.systemdRunning()) {
            running(findings);
        }
        return findings;
    }

    /** On this PC: the enabled timer is also started (it is, from the next boot, even if not now). */
    private static void running(List<Verifier.Finding> findings) {
        try {
            Run.Result r = Run.run(List.of("systemctl", "is-active", TIMER_NAME), null, 30);
            if (r.exit() != 0) {
                findings.add(new Verifier.Finding(
                        true,
                        TIMER_NAME + " is enabled but not running (" + r.lastLine()
                                + "): no restart until the PC is started again",
                        "systemctl start " + TIMER_NAME));
            }
        } catch (IOException e) {
            findings.add(new Verifier.Finding(true, "systemctl is-active " + TIMER_NAME + ": " + e.getMessage(), ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The HH:MM of a drop-in's last {@code OnCalendar=*-*-* HH:MM:00}. */
    static Optional<String> time(String dropIn) {
        Matcher m = ON_CALENDAR.matcher(dropIn);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last).filter(t -> HH_MM.matcher(t).matches());
    }
}
