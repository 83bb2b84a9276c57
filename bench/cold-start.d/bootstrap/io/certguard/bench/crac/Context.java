package io.certguard.bench.crac;

/** The shape of {@code jdk.crac.Context}. */
public abstract class Context<R extends Resource> implements Resource {

    protected Context() {
    }

    public abstract void register(R resource);
}
