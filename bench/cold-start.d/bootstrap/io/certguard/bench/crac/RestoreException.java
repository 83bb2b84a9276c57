package io.certguard.bench.crac;

/** The shape of {@code jdk.crac.RestoreException}. */
public class RestoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RestoreException() {
    }
}
