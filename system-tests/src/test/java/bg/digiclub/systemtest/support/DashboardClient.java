package bg.digiclub.systemtest.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A signed-in dashboard user over real HTTP: signs in with the login form, keeps the session
 * cookie, reads pages (as jsoup documents) and the CSV export as a browser would fetch them.
 */
public final class DashboardClient {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;
    private final String cookie;

    private DashboardClient(URI base, String cookie) {
        this.base = base;
        this.cookie = cookie;
    }

    /** Signs in; fails the test unless the collector answers with a redirect and a session cookie. */
    public static DashboardClient signIn(URI base, String username, String password)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 3) {
            throw new AssertionError(
                    "sign-in of " + username + " answered " + answer.statusCode() + ": " + answer.body());
        }
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith("digiclub_session="))
                .map(v -> v.substring(0, v.indexOf(';') < 0 ? v.length() : v.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie after sign-in: " + answer.headers()));
        return new DashboardClient(base, cookie);
    }

    /** A page's HTML; fails the test unless it is 200. */
    public String page(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(pathAndQuery);
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(60))
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * {@code /export.csv} for one club (or {@code all}) and period, as rows of column name to
     * value, in the file's order (read by Commons CSV: a quoted club name with a comma stays whole).
     */
    public List<Map<String, String>> csv(String club, LocalDate from, LocalDate to)
            throws IOException, InterruptedException {
        String text = page("/export.csv?club=" + club + "&from=" + from + "&to=" + to);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord row : parser) {
                if (!row.isConsistent()) {
                    throw new AssertionError("CSV record " + row.getRecordNumber() + " has " + row.size()
                            + " fields, the header " + parser.getHeaderNames().size());
                }
                rows.add(row.toMap());
            }
        }
        return rows;
    }

    /**
     * Submits a form of a page as a browser does: the page is read, the form picked by {@code
     * formSelector} sends its own fields (hidden ones too, such as a CSRF token) with {@code values}
     * filled in, POSTed to its action with the session cookie. Fails the test if the page has no
     * such form; the answer (a redirect, or 4xx with the reason) is the caller's to check.
     */
    public HttpResponse<String> submit(String pagePath, String formSelector, Map<String, String> values)
            throws IOException, InterruptedException {
        Document page = document(pagePath);
        if (!(page.selectFirst(formSelector) instanceof FormElement form)) {
            throw new AssertionError("no form " + formSelector + " on " + pagePath + ": " + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
        fields.putAll(values);
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String action = form.attr("action").isEmpty() ? pagePath : form.attr("action");
        return http.send(
                HttpRequest.newBuilder(base.resolve(pagePath).resolve(action))
                        .timeout(Duration.ofSeconds(60))
                        .header("Cookie", cookie)
                        .header("Origin", base.toString().replaceAll("/$", ""))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A page parsed as a browser would (jsoup); fails the test unless it is 200. */
    public Document document(String pathAndQuery) throws IOException, InterruptedException {
        return Jsoup.parse(page(pathAndQuery), base.resolve(pathAndQuery).toString());
    }
}
