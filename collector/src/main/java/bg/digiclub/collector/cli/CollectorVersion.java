package bg.digiclub.collector.cli;

import picocli.CommandLine.IVersionProvider;

import bg.digiclub.common.ProgramVersion;

/** {@code --version} of every collector command: the version the build wrote into the jar. */
public final class CollectorVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ProgramVersion.of("DigiClub collector", CollectorVersion.class)};
    }
}
