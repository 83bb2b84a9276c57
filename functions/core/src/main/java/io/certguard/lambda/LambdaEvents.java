package io.certguard.lambda;

import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Lambda event payloads and writes results. The handlers take raw streams and parse the small event JSON
 * themselves: the typed-event path of the Java runtime costs about 350 ms of cold start in Jackson set-up
 * (measured, ../shared notes §2) for documents of a few hundred bytes.
 */
public final class LambdaEvents {

    /** Lambda's synchronous payload limit is 6 MB; certguard's events are far smaller, so anything past 1 MiB is refused. */
    public static final int MAX_EVENT_BYTES = 1 << 20;

    private LambdaEvents() {
    }

    /**
     * Reads one event that must be a JSON object.
     *
     * @throws InvalidEventException naming what was wrong (size, not JSON, not an object)
     */
    public static JsonObject read(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_EVENT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the event", e);
        }
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new InvalidEventException("event larger than " + MAX_EVENT_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new InvalidEventException("event is empty");
        }
        try {
            return Json.parseObject(text);
        } catch (JsonFormatException e) {
            throw new InvalidEventException("event is not a JSON object: " + e.getMessage());
        }
    }

    public static void write(OutputStream output, Object result) {
        try {
            output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
            output.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the result", e);
        }
    }
}
