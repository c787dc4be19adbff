package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two system accounts of a club PC (docs/security.md) and the group that reads the agent's
 * metrics, made with the system's own {@code groupadd}/{@code useradd}/{@code usermod} and removed
 * with {@code userdel}/{@code groupdel}; for a directory tree with {@code --prefix DIR}, which edits
 * {@code DIR/etc/passwd, group, shadow, gshadow} without a chroot.
 */
public final class Accounts {
    public static final String KIOSK = "digiclub-kiosk";
    public static final String VISITOR = "digiclub-visitor";
    public static final String KIOSK_HOME = "/var/lib/digiclub-kiosk";
    public static final String VISITOR_HOME = "/home/digiclub-visitor";
    public static final String NOLOGIN = "/usr/sbin/nologin";
    /**
     * The group that may read the agent's node_exporter textfile (the agent's
     * {@code metrics.textfile-group}): node_exporter's account is in it, the visitor's never.
     */
    public static final String METRICS = "digiclub-metrics";
    /** node_exporter's account on Debian: package prometheus-node-exporter's unit runs as {@code User=prometheus}. */
    public static final String NODE_EXPORTER = "prometheus";

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

    /**
     * The group {@value #METRICS}, and node_exporter's account ({@value #NODE_EXPORTER}) in it when
     * node_exporter is installed; each only if missing. Install and upgrade both call it, so a
     * node_exporter installed after DigiClub is let in by the next upgrade (the agent writes the file
     * only where {@code metrics.textfile-dir} says: install sets it, an upgrade keeps the operator's file).
     *
     * @return true when node_exporter's account joined the group now: a running node_exporter has
     *         its groups from its start, and reads the file only once restarted
     */
    public boolean ensureMetricsReaders() throws IOException, InterruptedException {
        if (target.group(METRICS).isEmpty()) {
            run("groupadd", "--system", METRICS);
            journal.record("added group " + METRICS, () -> {
                if (target.group(METRICS).isPresent()) {
                    run("groupdel", METRICS);
                }
            });
        }
        if (target.user(NODE_EXPORTER).isEmpty()
                || target.group(METRICS).orElseThrow().members().contains(NODE_EXPORTER)) {
            return false;
        }
        run("usermod", "--append", "--groups", METRICS, NODE_EXPORTER);
        journal.record("added " + NODE_EXPORTER + " to the group " + METRICS, () -> {
            if (target.group(METRICS)
                    .map(g -> g.members().contains(NODE_EXPORTER))
                    .orElse(false)) {
                run("usermod", "--remove", "--groups", METRICS, NODE_EXPORTER);
            }
        });
        return true;
    }

    /** Removes both accounts and their groups, and the metrics group (uninstall --purge); what is not there is skipped. */
    public void remove() throws IOException, InterruptedException {
        for (String user : List.of(VISITOR, KIOSK)) {
            if (target.user(user).isPresent()) {
                run("userdel", user);
            }
        }
        for (String group : List.of(VISITOR, KIOSK, METRICS)) {
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
