package bg.digiclub.collector.cli;

import bg.digiclub.common.ProgramVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every collector command: the version the build wrote into the jar. */
public final class CollectorVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ProgramVersion.of("DigiClub collector", CollectorVersion.class)};
    }
}
