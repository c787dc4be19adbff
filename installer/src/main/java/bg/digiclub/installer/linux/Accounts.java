package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two system accounts of a club PC (docs/security.md), made with the system's own
 * {@code groupadd}/{@code useradd} and removed with {@code userdel}/{@code groupdel}; for a
 * directory tree with {@code --prefix DIR}, which edits {@code DIR/etc/passwd, group, shadow,
 * gshadow} without a chroot.
 */
public final class Accounts {
    public static final String KIOSK = "digiclub-kiosk";
    public static final String VISITOR = "digiclub-visitor";
    public static final String KIOSK_HOME = "/var/lib/digiclub-kiosk";
    public static final String VISITOR_HOME = "/home/digiclub-visitor";
    public static final String NOLOGIN = "/usr/sbin/nologin";

    private final Target target;
    private final Journal journal;

    public Accounts(Target target, Journal journal) {
        this.target = target;
        this.journal = journal;
    }

    /** The kiosk's account and group, the visitor's account and its own group; each only if missing. */
    public void ensure() throws IOException, InterruptedException {
        if (target.group(KIOSK).isEmpty()) {
            run("groupadd", "--system", KIOSK);
            // userdel of the kiosk's account removes its group with it (USERGROUPS_ENAB): only if still there
            journal.record("added group " + KIOSK, () -> {
                if (target.group(KIOSK).isPresent()) {
                    run("groupdel", KIOSK);
                }
            });
        }
        if (target.user(KIOSK).isEmpty()) {
            run(
                    "useradd",
                    "--system",
                    "--gid",
                    KIOSK,
                    "--home-dir",
                    KIOSK_HOME,
                    "--no-create-home",
                    "--shell",
                    NOLOGIN,
                    "--comment",
                    "DigiClub kiosk",
                    KIOSK);
            journal.record("added account " + KIOSK, () -> run("userdel", KIOSK));
        }
        if (target.user(VISITOR).isEmpty()) {
            boolean groupExisted = target.group(VISITOR).isPresent();
            List<String> cmd = new ArrayList<>(List.of(
                    "useradd",
                    "--system",
                    "--home-dir",
                    VISITOR_HOME,
                    "--no-create-home",
                    "--shell",
                    NOLOGIN,
                    "--comment",
                    "DigiClub visitor"));
            cmd.addAll(groupExisted ? List.of("--gid", VISITOR) : List.of("--user-group"));
            cmd.add(VISITOR);
            run(cmd.toArray(String[]::new));
            journal.record("added account " + VISITOR, () -> run("userdel", VISITOR));
        }
    }

    /** Removes both accounts and their groups (uninstall --purge); what is not there is skipped. */
    public void remove() throws IOException, InterruptedException {
        for (String user : List.of(VISITOR, KIOSK)) {
            if (target.user(user).isPresent()) {
                run("userdel", user);
            }
        }
        for (String group : List.of(VISITOR, KIOSK)) {
            if (target.group(group).isPresent()) {
                run("groupdel", group);
            }
        }
    }

    /** Runs one of the shadow tools on the target; a failure names the command and what it said. */
    void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        if (!target.isLiveSystem()) {
            cmd.add(1, "--prefix");
            cmd.add(2, target.root().toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(
                    String.join(" ", cmd) + " failed (exit " + rc + ")" + (out.isEmpty() ? "" : ": " + out));
        }
    }
}
