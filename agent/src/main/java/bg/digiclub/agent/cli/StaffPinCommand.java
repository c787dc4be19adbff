package bg.digiclub.agent.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;

/**
 * {@code agent staff-pin}: sets the staff PIN that opens the kiosk's staff panel, and lifts a
 * staff lockout. The PIN is typed twice without echo, or read from standard input with
 * {@code --stdin} (for the installer); it is never an argument, so it never lands in a shell
 * history or a process list. Trivial PINs (000000, 123456, 654321, 121212, ...) and the quick
 * start's published demo PIN are refused.
 *
 * <p>This is staff's way in that a visitor cannot block: it needs the agent's data directory,
 * which only root (the agent's account) can open, so it works at the PC whatever the visitor
 * typed at the kiosk. {@code --unlock} lifts the lockout and keeps the PIN.
 */
@Command(
        name = "staff-pin",
        description = {
            "Set the staff PIN (6-12 digits) for the kiosk's staff panel; lifts a staff lockout.",
            "Trivial PINs (one digit repeated, runs like 123456 or 654321, short patterns like 121212) are refused."
        })
final class StaffPinCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stdin", description = "Read the PIN from the first line of standard input.")
    boolean stdin;

    @Option(names = "--unlock", description = "Lift a staff lockout after wrong PINs and keep the PIN as it is.")
    boolean unlock;

    @Option(
            names = "--demo",
            description = "Accept the quick start's published demo PIN (scripts/start.sh only; never on a club PC).")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        AgentConfig config = options.load(Optional.empty());
        if (unlock) {
            if (stdin || demo) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--unlock sets no PIN: it takes neither --stdin nor --demo");
            }
            if (!AgentRuntime.unlockStaff(config)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "no staff PIN is set yet: set one with staff-pin");
            }
            System.out.println("staff lockout lifted; the staff PIN is unchanged");
            return 0;
        }
        char[] pin = stdin ? firstLineOfStdin() : typedTwice();
        try {
            AgentRuntime.setStaffPin(config, pin, demo);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            Arrays.fill(pin, '\0');
        }
        System.out.println("staff PIN set; any staff lockout is lifted");
        return 0;
    }

    private char[] typedTwice() {
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no terminal to type the PIN on; use --stdin");
        }
        char[] first = console.readPassword("New staff PIN (6-12 digits): ");
        char[] second = console.readPassword("Once more: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "the two PINs differ; nothing was changed");
            }
            return first.clone();
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static char[] firstLineOfStdin() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.strip().toCharArray();
    }
}
