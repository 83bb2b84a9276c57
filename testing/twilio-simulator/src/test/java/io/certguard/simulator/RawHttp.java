package io.certguard.simulator;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.twilio.TwilioCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Plain java.net.http calls to the simulator, for tests of the simulator itself (no certguard client logic). */
final class RawHttp {

    private final URI base;
    private final Optional<TwilioCredentials> credentials;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    RawHttp(URI base, Optional<TwilioCredentials> credentials, Duration timeout) {
        this.base = base;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    static RawHttp as(TwilioSimulator twilio, TwilioCredentials credentials) {
        return new RawHttp(twilio.baseUri(), Optional.of(credentials), Duration.ofSeconds(5));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    HttpResponse<String> postForm(String path, String name, String value) throws IOException, InterruptedException {
        String form = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return postRaw(path, form);
    }

    HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), "application/x-www-form-urlencoded");
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).method(method, body);
        credentials.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.parseObject(response.body());
    }
}
