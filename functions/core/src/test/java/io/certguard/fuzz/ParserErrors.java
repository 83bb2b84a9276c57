package io.certguard.fuzz;

import io.certguard.json.JsonFormatException;
import io.certguard.lambda.InvalidEventException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one definition of what a parser of untrusted input may let out: its result, or its own typed error with a
 * message that says what was wrong. Anything else escaping a fuzz target (a NullPointerException, an
 * ArithmeticException, a typed error with an empty message…) is a finding.
 * <ul>
 * <li>JSON text ({@code Json.parse}): {@link JsonFormatException} naming the offset;</li>
 * <li>Twilio resources ({@code TwilioResources}): {@link JsonFormatException} naming the member, which
 * TwilioHttpClient reports as a TwilioProtocolException; {@code TwilioError.from} refuses nothing;</li>
 * <li>Lambda events ({@code LambdaEvents.read}, {@code UploadTriggers.parse}): {@link InvalidEventException};</li>
 * <li>certificate bundles ({@code BundleInput}, {@code BundleValidator}): nothing, every problem is a finding of the
 * report.</li>
 * </ul>
 */
final class ParserErrors {

    private ParserErrors() {
    }

    /** What one parse gave: a value (which may be JSON's {@code null}), or the parser's typed error. */
    sealed interface Outcome<T> {
    }

    record Parsed<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(RuntimeException error) implements Outcome<T> {
    }

    /** {@code Json.parse}: the value, or refused with a JsonFormatException naming the offset. */
    static <T> Outcome<T> json(Supplier<T> parse) {
        return allowing(JsonFormatException.class, message -> message.contains(" at offset "), parse);
    }

    /** A TwilioResources mapper: the resource, or refused with a JsonFormatException naming the member. */
    static <T> Outcome<T> twilioResource(Supplier<T> map) {
        return allowing(JsonFormatException.class, message -> message.startsWith("member \""), map);
    }

    /** The upload function's event parsing: the trigger, or refused with an InvalidEventException saying why. */
    static <T> Outcome<T> event(Supplier<T> parse) {
        return allowing(InvalidEventException.class, message -> !message.isBlank(), parse);
    }

    private static <T> Outcome<T> allowing(Class<? extends RuntimeException> typed, Predicate<String> saysWhat,
                                           Supplier<T> parse) {
        try {
            return new Parsed<>(parse.get());
        } catch (RuntimeException e) {
            if (!typed.isInstance(e)) {
                throw e;
            }
            if (e.getMessage() == null || !saysWhat.test(e.getMessage())) {
                throw new AssertionError("refused without saying what was wrong: " + e.getMessage(), e);
            }
            return new Refused<>(e);
        }
    }
}
