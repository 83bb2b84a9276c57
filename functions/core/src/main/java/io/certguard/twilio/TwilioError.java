package io.certguard.twilio;

import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Twilio's JSON error body, e.g. {@code {"code": 20404, "message": "…", "more_info": "https://www.twilio.com/docs/errors/20404",
 * "status": 404}} (https://www.twilio.com/docs/usage/twilios-response). Only these four fields are relied on; others
 * are ignored.
 */
public record TwilioError(Optional<Integer> code, String message, Optional<String> moreInfo, Optional<Integer> status) {

    public TwilioError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(moreInfo, "moreInfo");
        Objects.requireNonNull(status, "status");
    }

    /** Reads an error body leniently: a field of the wrong type is ignored rather than hiding the error itself. */
    public static Optional<TwilioError> from(JsonObject body) {
        Optional<Integer> code = intOf(body, "code");
        Optional<String> message = stringOf(body, "message");
        if (code.isEmpty() && message.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TwilioError(code, message.orElse("(no message)"), stringOf(body, "more_info"),
                intOf(body, "status")));
    }

    /** An integer member sent as a number or, as some Twilio APIs do ("30131"), as a string; anything else is ignored. */
    private static Optional<Integer> intOf(JsonObject body, String name) {
        Object value = body.raw(name).orElse(null);
        if (value instanceof BigDecimal number) {
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException notAnInt) {
                return Optional.empty();
            }
        }
        return value instanceof String text ? parseInt(text) : Optional.empty();
    }

    private static Optional<String> stringOf(JsonObject body, String name) {
        try {
            return body.optionalString(name);
        } catch (JsonFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One line for messages and logs: {@code Twilio error 20404: The requested resource was not found (more_info)}. */
    public String describe() {
        return "Twilio error " + code.map(String::valueOf).orElse("(no code)") + ": " + message
                + moreInfo.map(m -> " (" + m + ")").orElse("");
    }
}
