package bg.digiclub.collector.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;

/** {@code device revoke}. */
@Command(
        name = "device",
        mixinStandardHelpOptions = true,
        description = "Club PCs.",
        subcommands = {DeviceCommand.Revoke.class})
public final class DeviceCommand {
    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a PC's token: its uploads get 401 until it is enrolled again.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--device", required = true, description = "The device id (shown on its dashboard page).")
        UUID device;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                boolean revoked = new ClubStore(db).revokeDevice(device);
                System.out.println(revoked ? "device " + device + " revoked" : "no device " + device);
                return revoked ? 0 : 1;
            }
        }
    }
}
