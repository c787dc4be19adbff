package bg.digiclub.agent.cli;

import picocli.CommandLine.IVersionProvider;

import bg.digiclub.common.ProgramVersion;

/** {@code --version} of every agent command: the version the build wrote into the jar. */
public final class AgentVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ProgramVersion.of("DigiClub agent", AgentVersion.class)};
    }
}
