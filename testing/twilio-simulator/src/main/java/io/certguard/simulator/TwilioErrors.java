package io.certguard.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Twilio's JSON error bodies: {@code {"code", "message", "more_info", "status"}}
 * (https://www.twilio.com/docs/usage/twilios-response). Codes and messages are Twilio's own where Twilio documents
 * them (https://www.twilio.com/docs/api/errors/&lt;code&gt;).
 */
final class TwilioErrors {

    private TwilioErrors() {
    }

    static SimResponse error(int httpStatus, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", httpStatus);
        return SimResponse.json(httpStatus, body);
    }

    /** 20404, worded like Twilio's own 404s. */
    static SimResponse notFound(String path) {
        return error(404, 20404, "The requested resource " + path + " was not found");
    }

    /** 20003 with the header Twilio sends alongside it. */
    static SimResponse unauthorized() {
        return error(401, 20003, "Authenticate").withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
    }

    /** 20004: an operation of the spec that the simulator does not play, or one the spec does not have. */
    static SimResponse methodNotAllowed(String method) {
        return error(405, 20004, "Method not allowed: " + method);
    }

    /** 20001 for a request the simulator cannot read (bad form encoding, missing field, oversized body). */
    static SimResponse badRequest(String message) {
        return error(400, 20001, message);
    }

    /** 30132 "Certificate cannot be validated" (https://www.twilio.com/docs/api/errors/30132). */
    static SimResponse certificateRejected() {
        return error(400, 30132, "Certificate cannot be validated");
    }

    /** The canned answer of a {@link TwilioFault} that replaces the normal response. */
    static SimResponse forFault(TwilioFault fault, int retryAfterSeconds) {
        return switch (fault) {
            // 20429: "Requests that receive 429 responses aren't processed" (https://www.twilio.com/docs/api/errors/20429).
            case RATE_LIMITED -> error(429, 20429, "Too Many Requests");
            case RATE_LIMITED_RETRY_AFTER -> error(429, 20429, "Too Many Requests")
                    .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
            case SERVER_ERROR -> error(500, 20500, "Internal Server Error");
            case SERVICE_UNAVAILABLE -> error(503, 20503, "Service Unavailable");
            case UNAUTHORIZED -> unauthorized();
            case CERTIFICATE_REJECTED -> certificateRejected();
            case HTML_ERROR_PAGE -> new SimResponse(502, "text/html; charset=utf-8",
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
                    Map.of());
            case INVALID_JSON -> new SimResponse(200, SimResponse.JSON, "{\"domain_sid\": \"DN", Map.of());
            case REDIRECT -> new SimResponse(302, "text/html; charset=utf-8", "", Map.of("Location",
                    "https://www.twilio.com/login"));
            case SLOW, DROP_CONNECTION -> throw new IllegalArgumentException(fault + " is not answered with a canned response");
        };
    }
}
