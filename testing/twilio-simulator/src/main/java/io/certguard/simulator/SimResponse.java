package io.certguard.simulator;

import io.certguard.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP answer of the simulator.
 *
 * @param headers extra headers besides {@code Content-Type}
 */
record SimResponse(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    SimResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A JSON answer; {@code document} is written with certguard's {@link Json} codec. */
    static SimResponse json(int status, Map<String, Object> document) {
        return new SimResponse(status, JSON, Json.write(document), Map.of());
    }

    SimResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, contentType, body, more);
    }
}
