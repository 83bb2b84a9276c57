package io.certguard.upload;

import io.certguard.retry.Sleeper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** The upload function's production wiring for tests outside its module ({@link UploadLambda#wiredFrom} is package-private). */
public final class UploadLambdas {

    private UploadLambdas() {
    }

    public static UploadLambda wiredFrom(Map<String, String> environment, Clock clock, Sleeper sleeper, PrintStream log) {
        return UploadLambda.wiredFrom(environment, clock, sleeper, log);
    }
}
