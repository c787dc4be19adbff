package bg.digiclub.agent.member;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import bg.digiclub.agent.upload.CollectorHttp;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.cards.CardSyncRequest;
import bg.digiclub.common.cards.CardSyncResponse;

/**
 * {@code POST /api/v1/cards/sync} with the device's bearer token, over the agent's one collector
 * client ({@link CollectorHttp}: certificate checks, pins, timeouts, no redirects). The body is read
 * with the contract's strict mapper: an answer that breaks the contract is an error, not a guess.
 */
public final class HttpCardSyncTransport implements CardSyncTransport {
    public static final String PATH = "/api/v1/cards/sync";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** Where the device's credentials come from (the enrolment's store). */
    @FunctionalInterface
    public interface Credentials {
        Optional<DeviceCredentials> current() throws SQLException;
    }

    private final OkHttpClient http;
    private final Credentials credentials;
    private final ObjectMapper json = StrictJson.mapper();

    public HttpCardSyncTransport(OkHttpClient http, Credentials credentials) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Optional<CardSyncResponse> exchange(CardSyncRequest request) throws IOException {
        Optional<DeviceCredentials> device;
        try {
            device = credentials.current();
        } catch (SQLException e) {
            throw new IOException("the enrolment could not be read: " + e.getMessage(), e);
        }
        if (device.isEmpty()) {
            return Optional.empty();
        }
        Request post = new Request.Builder()
                .url(CollectorHttp.endpoint(device.get().collectorUrl(), PATH))
                .header("Authorization", "Bearer " + device.get().token())
                .post(RequestBody.create(json.writeValueAsBytes(request), JSON_TYPE))
                .build();
        try (Response response = http.newCall(post).execute()) {
            if (response.code() != 200) {
                throw new IOException("card sync refused: " + CollectorHttp.reason(response.code(), response.body()));
            }
            return Optional.of(json.readValue(response.body().byteStream(), CardSyncResponse.class));
        }
    }
}
