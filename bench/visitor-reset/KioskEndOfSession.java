import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.platform.ProcessSelection;
import bg.digiclub.kiosk.platform.UserSessionProcesses;
import bg.digiclub.kiosk.platform.linux.ProcStat;
import bg.digiclub.kiosk.wipe.ConfiguredPrivacyWipe;
import bg.digiclub.kiosk.wipe.WipeConfig;

/**
 * Today's (before issue 9) end of session in the kiosk: every process of the visitor's account
 * asked to end (SIGTERM), forced after the grace period; then the privacy wipe in home-template
 * mode with the trash (entries renamed into ~/.digiclub-trash, deleted in the background), its
 * fastest configuration. Compiled in by run.sh only while the kiosk still has these classes.
 */
public final class KioskEndOfSession implements VisitorResetBenchmark.EndOfSession {
    private final UserSessionProcesses processes;
    private final ConfiguredPrivacyWipe wipe;
    private final Duration grace;

    public KioskEndOfSession(String account, Path home, Path template, int graceMs) throws Exception {
        this.processes = new UserSessionProcesses(new ProcessSelection(ProcessSelection.ownedBy(account), Set.of()), ProcStat::exited);
        Properties props = new Properties();
        props.load(new StringReader(String.join("\n",
                "wipe.visitor.home=" + home,
                "wipe.visitor.user=" + account,
                "wipe.trash=~/.digiclub-trash",
                "wipe.steps=home-template",
                "wipe.home-template.source=" + template)));
        this.wipe = new ConfiguredPrivacyWipe(WipeConfig.parse(props, Path.of("(benchmark)")), () -> { });
        this.grace = Duration.ofMillis(graceMs);
    }

    @Override
    public String name() {
        return "kiosk today: endAll(grace) + wipe home-template, trash";
    }

    @Override
    public long[] run() throws Exception {
        long t0 = System.nanoTime();
        processes.endAll(grace);
        long t1 = System.nanoTime();
        List<WipeStepResult> results = wipe.run();
        long done = System.nanoTime();
        VisitorResetBenchmark.requireOk(results);
        WipeStepResult purge = wipe.purge().join();
        long purged = System.nanoTime();
        if (purge != null && !purge.ok()) {
            throw new IllegalStateException("trash purge failed: " + purge);
        }
        return new long[] {(done - t0) / 1_000_000, (purged - done) / 1_000_000, (t1 - t0) / 1_000_000};
    }
}
