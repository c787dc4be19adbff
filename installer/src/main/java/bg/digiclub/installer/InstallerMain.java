package bg.digiclub.installer;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import bg.digiclub.installer.linux.InstallException;
import bg.digiclub.installer.linux.LinuxInstaller;
import bg.digiclub.installer.linux.NightlyReboot;
import bg.digiclub.installer.linux.Verifier;

/**
 * Entry point of {@code digiclub-installer}: install, upgrade, verify and uninstall DigiClub on a
 * Linux club PC. Exit status: 0 done, 1 a step failed (undone) or verify found something wrong,
 * 2 wrong usage.
 */
@Command(
        name = "digiclub-installer",
        mixinStandardHelpOptions = true,
        versionProvider = InstallerMain.Version.class,
        description =
                "Installs, upgrades, verifies and removes DigiClub (agent, kiosk, accounts, service) on a club PC.",
        subcommands = {
            InstallerMain.Install.class,
            InstallerMain.Upgrade.class,
            InstallerMain.Verify.class,
            InstallerMain.Uninstall.class
        })
public final class InstallerMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs the command line; answers the exit status (tests call this). */
    public static int run(PrintStream out, String... args) {
        CommandLine cli = new CommandLine(new InstallerMain());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InstallException) {
                commandLine.getErr().println("digiclub-installer: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say what to do: install, upgrade, verify or uninstall");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = InstallerMain.class.getPackage().getImplementationVersion();
            return new String[] {"DigiClub installer " + (v == null ? "(development build)" : v)};
        }
    }

    /** Where the programs' files come from. */
    static Path defaultFrom() {
        try {
            Path jar = Path.of(InstallerMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent(); // .../installer/target(/classes)
            if (dir.getFileName() != null && dir.getFileName().toString().equals("classes")) {
                dir = dir.getParent();
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
                dir = dir.getParent(); // a source tree: .../installer/target
            }
            return dir.getParent(); // a release directory R/installer/digiclub-installer.jar, or the source tree
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }

    @Command(
            name = "install",
            mixinStandardHelpOptions = true,
            description = "Install DigiClub: accounts, programs, configuration, the agent's service; enrol this PC.")
    static final class Install implements Callable<Integer> {
        @Option(
                names = "--root",
                paramLabel = "DIR",
                defaultValue = "/",
                description = "Install into this directory tree instead of /.")
        Path root;

        @Option(
                names = "--collector",
                required = true,
                paramLabel = "URL",
                description = "The municipality's collector (https://...).")
        String collector;

        @Option(
                names = "--enrol-code-file",
                required = true,
                paramLabel = "FILE",
                description = "The club's enrolment code on its first line (chmod 600).")
        Path codeFile;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "Agent settings to merge into /etc/digiclub/agent.properties.")
        Path config;

        @Option(
                names = "--from",
                paramLabel = "DIR",
                description = "Where agent/, kiosk/, installer/ are "
                        + "(release: <p>/digiclub-<p>.jar + <p>/lib; sources after mvn package: <p>/target/...). "
                        + "Default: the directory above the installer jar's.")
        Path from;

        @Option(
                names = "--staff-pin-file",
                paramLabel = "FILE",
                description = "The staff PIN (6-12 digits) on its first line (chmod 600); without it, set the PIN "
                        + "afterwards with digiclub-agent staff-pin.")
        Path staffPinFile;

        @Option(
                names = "--nightly-reboot",
                paramLabel = "HH:MM|off",
                converter = NightlyRebootConverter.class,
                description =
                        "Restart the PC every night at this local time (e.g. 03:30), or off. Not given: left as it is.")
        NightlyReboot.Choice nightlyReboot;

        @Override
        public Integer call() throws InstallException {
            new LinuxInstaller(System.out)
                    .install(new LinuxInstaller.InstallOptions(
                            root,
                            from != null ? from : defaultFrom(),
                            collector,
                            codeFile,
                            Optional.ofNullable(config),
                            Optional.ofNullable(staffPinFile),
                            Optional.ofNullable(nightlyReboot)));
            return 0;
        }
    }

    @Command(
            name = "upgrade",
            mixinStandardHelpOptions = true,
            description =
                    "Lay out new program files and the unit again; configuration, data, accounts and enrolment are kept.")
    static final class Upgrade implements Callable<Integer> {
        @Option(
                names = "--root",
                paramLabel = "DIR",
                defaultValue = "/",
                description = "The installed directory tree. Default: /")
        Path root;

        @Option(
                names = "--from",
                paramLabel = "DIR",
                description = "Where the new agent/, kiosk/, installer/ are (as for install).")
        Path from;

        @Option(
                names = "--nightly-reboot",
                paramLabel = "HH:MM|off",
                converter = NightlyRebootConverter.class,
                description =
                        "Restart the PC every night at this local time (e.g. 03:30), or off. Not given: left as it is.")
        NightlyReboot.Choice nightlyReboot;

        @Override
        public Integer call() throws InstallException {
            new LinuxInstaller(System.out)
                    .upgrade(root, from != null ? from : defaultFrom(), Optional.ofNullable(nightlyReboot));
            return 0;
        }
    }

    /** {@code --nightly-reboot HH:MM|off}; a wrong value is a usage error naming the option. */
    static final class NightlyRebootConverter implements CommandLine.ITypeConverter<NightlyReboot.Choice> {
        @Override
        public NightlyReboot.Choice convert(String value) {
            try {
                return NightlyReboot.Choice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check every installed piece; print what is wrong and how to fix it; exit 1 if anything is.")
    static final class Verify implements Callable<Integer> {
        @Option(
                names = "--root",
                paramLabel = "DIR",
                defaultValue = "/",
                description = "The installed directory tree. Default: /")
        Path root;

        @Override
        public Integer call() throws Exception {
            List<Verifier.Finding> findings = new Verifier(root).verify();
            findings.forEach(System.out::println);
            long wrong = findings.stream().filter(Verifier.Finding::problem).count();
            System.out.println(wrong == 0 ? "verify: everything is in place" : "verify: " + wrong + " thing(s) wrong");
            return wrong == 0 ? 0 : 1;
        }
    }

    @Command(
            name = "uninstall",
            mixinStandardHelpOptions = true,
            description =
                    "Remove DigiClub but its data and logs (/var/lib/digiclub, /var/log/digiclub); --purge removes those and the accounts too.")
    static final class Uninstall implements Callable<Integer> {
        @Option(
                names = "--root",
                paramLabel = "DIR",
                defaultValue = "/",
                description = "The installed directory tree. Default: /")
        Path root;

        @Option(names = "--purge", description = "Also remove the data, the logs and the accounts.")
        boolean purge;

        @Override
        public Integer call() throws InstallException {
            List<String> problems = new LinuxInstaller(System.out).uninstall(root, purge);
            problems.forEach(p -> System.out.println("not removed: " + p));
            System.out.println(
                    problems.isEmpty()
                            ? "uninstalled" + (purge ? " (purged)" : "; kept the data and logs")
                            : "uninstall: " + problems.size() + " thing(s) left");
            return problems.isEmpty() ? 0 : 1;
        }
    }
}
