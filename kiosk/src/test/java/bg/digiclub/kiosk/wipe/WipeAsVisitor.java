package bg.digiclub.kiosk.wipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.common.link.WipeStepResult;

/**
 * Runs the wipe from a config file and prints one line per step, {@code step|ok|detail}. Started
 * by {@link NonRootWipeTest} as an unprivileged account, as the kiosk runs in a club.
 */
public final class WipeAsVisitor {
    private WipeAsVisitor() {
    }

    public static void main(String[] args) throws Exception {
        WipeConfig config = WipeConfig.load(Path.of(args[0]));
        ConfiguredPrivacyWipe wipe = new ConfiguredPrivacyWipe(config, () -> { });
        List<WipeStepResult> results = new ArrayList<>(wipe.run());
        WipeStepResult purge = wipe.purge().join();
        if (purge != null) {
            results.add(purge);
        }
        for (WipeStepResult r : results) {
            System.out.println(r.step() + "|" + r.ok() + "|" + r.detail());
        }
    }
}
