package io.certguard.validationpoll;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The validation-poll function's production wiring for tests outside its module ({@link ValidationPollLambda#wiredFrom}
 * is package-private).
 */
public final class ValidationPollLambdas {

    private ValidationPollLambdas() {
    }

    public static ValidationPollLambda wiredFrom(Map<String, String> environment, Clock clock, PrintStream log) {
        return ValidationPollLambda.wiredFrom(environment, clock, log);
    }
}
