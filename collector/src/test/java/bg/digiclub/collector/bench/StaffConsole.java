package bg.digiclub.collector.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The club page as staff use it, over HTTP: signed in with a password (the session cookie), each
 * command a form POST to {@code /clubs/{club}/commands} with the page's CSRF token, as the browser
 * sends it when staff click "send" on a PC's message form.
 */
final class StaffConsole {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-staff-http");
                t.setDaemon(true);
                return t;
            }))
            .build();
    private final String base;
    private String cookie;
    private String csrf;

    StaffConsole(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in and reads the CSRF token from the room view of {@code clubId}, as the page's forms carry it. */
    void signIn(String username, String password, String clubId) throws IOException, InterruptedException {
        HttpResponse<String> login = client.send(
                form("/login", Map.of("username", username, "password", password)),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() / 100 != 3) {
            throw new IOException("sign-in answered " + login.statusCode() + ": " + login.body());
        }
        cookie = login.headers()
                .firstValue("Set-Cookie")
                .orElseThrow(() -> new IOException("sign-in set no cookie"))
                .split(";")[0];
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/clubs/" + clubId + "/room"))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IOException("the room view (" + page.statusCode() + ") has no CSRF token");
        }
        csrf = m.group(1);
    }

    /** Sends a message to one PC as staff do; the future ends with the answer's status. */
    CompletableFuture<HttpResponse<String>> message(BenchDevices.Device pc, String text) {
        Objects.requireNonNull(cookie, "signIn first");
        return client.sendAsync(
                form(
                        "/clubs/" + pc.clubId() + "/commands",
                        Map.of("csrf", csrf, "pc", pc.id().toString(), "kind", "MESSAGE", "text", text)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }
}
