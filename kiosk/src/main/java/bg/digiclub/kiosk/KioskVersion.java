package bg.digiclub.kiosk;

import bg.digiclub.common.ProgramVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code digiclub-kiosk --version}: the version the build wrote into the jar. */
public final class KioskVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ProgramVersion.of("DigiClub kiosk", KioskVersion.class)};
    }
}
