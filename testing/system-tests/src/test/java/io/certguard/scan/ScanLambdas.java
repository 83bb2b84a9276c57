package io.certguard.scan;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** The scan function's production wiring for tests outside its module ({@link ScanLambda#wiredFrom} is package-private). */
public final class ScanLambdas {

    private ScanLambdas() {
    }

    public static ScanLambda wiredFrom(Map<String, String> environment, Clock clock, PrintStream log) {
        return ScanLambda.wiredFrom(environment, clock, log);
    }
}
