package bg.digiclub.agent.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentException;

/**
 * {@code agent enrol}: joins this PC to its club at the municipality's collector (upload.url).
 * The collector answers with a random device id and a token; neither is derived from the PC, and
 * the token is never printed.
 *
 * <p>The club's enrolment code is never an argument, so it never lands in a shell history or
 * the process list (where every account on the PC, the visitor's too, can read it): it is typed
 * without echo at a terminal, piped on standard input ({@code agent enrol < code.txt}), or read
 * from {@code --enrol-code-file FILE}, which must not be readable by other accounts.
 */
@Command(
        name = "enrol",
        description =
                "Enrol this PC with the municipality's collector. The club's enrolment code is "
                        + "read from standard input (typed without echo at a terminal) or from --enrol-code-file; never an argument.")
final class EnrolCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--enrol-code-file",
            paramLabel = "FILE",
            description = "Read the code from the first line of FILE (not readable by other accounts: chmod 600).")
    Path codeFile;

    /** Gone: kept only to say why and what to do instead. */
    @Option(names = "--code", hidden = true, paramLabel = "CODE")
    String codeArgument;

    @Override
    public Integer call() throws Exception {
        if (codeArgument != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "the enrolment code is not an argument any "
                            + "more (every account on the PC can read arguments in the process list, and shells keep them in "
                            + "their history): pipe it on standard input or use --enrol-code-file FILE");
        }
        String code;
        try {
            code = codeFile != null ? readCodeFile(codeFile) : readCodeFromStdin();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AgentConfig config = options.load(Optional.empty());
        try {
            DeviceCredentials device = AgentRuntime.enrol(config, code);
            System.out.println("enrolled: device " + device.deviceId() + " of club " + device.clubId());
            return 0;
        } catch (EnrolmentException e) {
            System.err.println("enrolment failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The first line of a code file. Refused if other accounts may read it (a code in such a file
     * is as public as one on the command line); on file systems without POSIX modes it is read.
     */
    static String readCodeFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--enrol-code-file " + file + " is not a file");
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalArgumentException("--enrol-code-file " + file + " is readable by every account on "
                        + "this PC; make it private first (chmod 600 " + file + ") or pipe the code on standard input");
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX modes here (Windows): the file's ACL is the administrator's business
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return firstLine(in, "--enrol-code-file " + file);
        }
    }

    private static String readCodeFromStdin() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("The club's enrolment code: ");
            if (typed == null || typed.length == 0) {
                throw new IllegalArgumentException("no enrolment code was typed");
            }
            return new String(typed).strip();
        }
        return readCode(System.in);
    }

    /** The code on the first line of standard input (piped). */
    static String readCode(InputStream stdin) throws IOException {
        return firstLine(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), "standard input");
    }

    private static String firstLine(BufferedReader in, String where) throws IOException {
        String line = in.readLine();
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("no enrolment code on the first line of " + where);
        }
        return line.strip();
    }
}
