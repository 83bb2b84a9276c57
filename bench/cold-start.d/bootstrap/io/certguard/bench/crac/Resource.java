package io.certguard.bench.crac;

/** The shape of {@code jdk.crac.Resource}, which org.crac's compatibility layer looks up by package name. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
