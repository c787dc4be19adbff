package bg.digiclub.agent.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;

/**
 * The one place where the agent's HTTP client for the collector is configured: normal
 * certificate validation (OkHttp's default trust, never relaxed), optional pinning, timeouts,
 * no redirects (a redirect would re-send a batch somewhere we did not configure), and no
 * silent retries by OkHttp itself (the {@link Uploader} decides about retries and counts them).
 */
public final class CollectorHttp {
    /** How much of an error answer is read: enough for a Problem, not a garbage flood. */
    static final int MAX_ERROR_BODY = 8 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectorHttp() {}

    public static OkHttpClient client(UploadConfig config) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.callTimeout())
                .writeTimeout(config.callTimeout())
                .callTimeout(config.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
        if (!config.certificatePins().isEmpty() && config.collectorUrl().isPresent()) {
            String host = config.collectorUrl().get().getHost();
            b.certificatePinner(new CertificatePinner.Builder()
                    .add(host, config.certificatePins().toArray(String[]::new))
                    .build());
        }
        return b.build();
    }

    /** {@code base} + {@code path}, keeping any path prefix of the base ({@code https://h/stats} + {@code /api/v1/batches}). */
    public static okhttp3.HttpUrl endpoint(URI base, String path) {
        String b = base.toString();
        return okhttp3.HttpUrl.get((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    /**
     * The reason in an error answer, safe to store: the Problem's {@code code: message} when the
     * body is one, else the first printable characters of the body, else the status alone.
     */
    public static String reason(int status, ResponseBody body) {
        String text;
        try (InputStream in = body.byteStream()) {
            text = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "HTTP " + status + " (answer unreadable: " + e.getClass().getSimpleName() + ")";
        }
        try {
            JsonNode problem = JSON.readTree(text);
            if (problem != null && problem.hasNonNull("message")) {
                String code = problem.path("code").asText("");
                return "HTTP " + status + " " + printable(code.isEmpty() ? "" : code + ": ")
                        + printable(problem.get("message").asText());
            }
        } catch (IOException e) {
            // Not a Problem document: fall through to the raw text.
        }
        String raw = printable(text).strip();
        return raw.isEmpty() ? "HTTP " + status : "HTTP " + status + " " + raw;
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^\\p{Print}\\p{IsCyrillic}]", "?");
        return clean.length() > 300 ? clean.substring(0, 300) + "..." : clean;
    }
}
