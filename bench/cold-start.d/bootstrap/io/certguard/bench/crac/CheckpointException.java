package io.certguard.bench.crac;

/** The shape of {@code jdk.crac.CheckpointException}. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException() {
    }
}
