package bg.digiclub.systemtest.live;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.systemtest.support.ClubPrivacy;
import bg.digiclub.systemtest.support.LiveClub;
import bg.digiclub.systemtest.support.LivePc;
import bg.digiclub.systemtest.support.LiveProxy;
import bg.digiclub.testsupport.PrivacyScan;
import bg.digiclub.testsupport.TestClock;

/**
 * The privacy scan over every frame the live proxy saw, both ways: nothing of this machine (host,
 * account and interface names, addresses), no member code or PIN hash kept on the PCs, and no
 * device token. Session start times are not looked for here: the live channel carries the running
 * session's start by design (an extension names the session it is for), as whole seconds and
 * never with who sat there.
 */
final class LivePrivacy {
    private LivePrivacy() {}

    static void assertClean(LiveClub club) throws SQLException {
        List<Database> databases = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (LivePc pc : club.pcs) {
            databases.add(pc.agent().database());
            pc.agent().credentials().map(DeviceCredentials::token).ifPresent(tokens::add);
        }
        PrivacyScan scan =
                ClubPrivacy.scan(List.of(), TestClock.SOFIA, databases).forbidding(tokens);
        scan.assertClean(
                club.network.frames(),
                LiveProxy.Frame::text,
                frame -> frame.direction() + " on connection " + frame.connection());
    }
}
