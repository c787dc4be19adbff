package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One connection to the agent's socket, made by a {@link KioskRelay} process running as an
 * account (the kiosk's, or the visitor's to show it is refused). The test speaks the raw
 * JSON-lines protocol through it: whatever a client of that account could send. The relay
 * process stands for the kiosk: killing or stopping it is killing or stopping the kiosk.
 */
final class KioskLine implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream toAgent;
    private final BufferedReader fromAgent;
    private final String greeting;
    private final AtomicLong ids = new AtomicLong();

    private KioskLine(Process process) throws IOException {
        this.process = process;
        this.toAgent = process.getOutputStream();
        this.fromAgent =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
        String first = fromAgent.readLine();
        this.greeting = first == null ? "CONNECT FAILED (the relay printed nothing)" : first;
    }

    /** Connects to {@code socket} as {@code account}; see {@link #connected()}. */
    static KioskLine open(ClubAccounts.Account account, Path socket, Path scratch) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = ClubAccounts.builderAs(
                        account,
                        List.of(
                                java.toString(),
                                "-Xshare:auto",
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC",
                                "-Xmx64m",
                                "-cp",
                                relayClasses(scratch).toString(),
                                KioskRelay.class.getName(),
                                socket.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new KioskLine(p);
    }

    boolean connected() {
        return "CONNECTED".equals(greeting);
    }

    /** {@code CONNECTED}, or {@code CONNECT FAILED} and why. */
    String greeting() {
        return greeting;
    }

    long pid() {
        return process.pid();
    }

    /** Sends one request and returns the parsed answer line; fails if the agent closed the line. */
    JsonNode call(String type, JsonNode body) throws IOException {
        String answer = callRaw(request(type, body));
        assertNotNull(answer, "the agent closed the connection instead of answering " + type);
        return JSON.readTree(answer);
    }

    /** Sends one raw line (a newline is added) and returns the raw answer line, or null if the line closed. */
    String callRaw(String line) throws IOException {
        send(line);
        return fromAgent.readLine();
    }

    /** Writes one raw line without waiting for an answer. */
    void send(String line) throws IOException {
        toAgent.write(line.getBytes(StandardCharsets.UTF_8));
        toAgent.write('\n');
        toAgent.flush();
    }

    /** Reads one answer line; null when the connection closed. */
    String readAnswer() throws IOException {
        return fromAgent.readLine();
    }

    /** A request line: {@code {"id","type","body"}}, body left out when null. */
    String request(String type, JsonNode body) {
        ObjectNode request = JSON.createObjectNode();
        request.put("id", "r" + ids.incrementAndGet());
        request.put("type", type);
        if (body != null) {
            request.set("body", body);
        }
        return request.toString();
    }

    /** {@code kill -KILL}: the kiosk dies without a word. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** {@code kill -STOP} / {@code kill -CONT} of the kiosk process. */
    void signal(String name) throws Exception {
        ClubAccounts.run(List.of("kill", "-" + name, Long.toString(process.pid())));
    }

    @Override
    public void close() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        signal("CONT");
        try {
            toAgent.close();
        } catch (IOException e) {
            // the relay is gone already
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * The relay's class file, copied where other accounts can read it: the build directory may
     * sit in a folder only root can enter (as in OtherAccountsTest).
     */
    private static synchronized Path relayClasses(Path scratch) throws Exception {
        Path classes = scratch.resolve("relay-classes");
        String file = KioskRelay.class.getName().replace('.', '/') + ".class";
        Path copy = classes.resolve(file);
        if (Files.exists(copy)) {
            return classes;
        }
        Path built = Path.of(KioskRelay.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.createDirectories(copy.getParent());
        Files.copy(built.resolve(file), copy, StandardCopyOption.REPLACE_EXISTING);
        try (var paths = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return classes;
    }
}
