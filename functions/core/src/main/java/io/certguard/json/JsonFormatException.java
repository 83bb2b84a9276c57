package io.certguard.json;

/** A document is not valid JSON, or a member has the wrong type; the message names where and what. */
public final class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
        super(message);
    }
}
