package io.certguard.lambda;

import java.io.PrintStream;
import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A SnapStart runtime hook (CRaC {@link Resource}) that primes a function before Lambda takes its snapshot, so that the
 * first invocation after a restore finds its classes loaded and its hot paths compiled instead of doing that work
 * itself (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html; on java25 SnapStart also
 * runs C2, which priming feeds).
 *
 * <p>Each handler class keeps the instance {@link #register} returns in a static field: Lambda runs only hooks
 * registered from code the handler class references, and org.crac holds resources weakly.
 *
 * <p>A primer must not reach Twilio, AWS or DNS, send anything, read credentials, or keep a clock reading or any other
 * state: whatever it leaves behind is copied into every restored execution environment.
 */
public final class SnapStartPriming implements Resource {

    /** Runs a function's hot paths once, offline. */
    @FunctionalInterface
    public interface Primer {
        void prime() throws Exception;
    }

    private final String function;
    private final Primer primer;
    private final PrintStream log;

    SnapStartPriming(String function, Primer primer, PrintStream log) {
        this.function = Objects.requireNonNull(function, "function");
        this.primer = Objects.requireNonNull(primer, "primer");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Registers {@code primer} with the global CRaC context; the caller must keep the result reachable. */
    public static SnapStartPriming register(String function, Primer primer) {
        SnapStartPriming priming = new SnapStartPriming(function, primer, System.err);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * Primes. A failure is logged and swallowed: the snapshot is still correct without priming, only its first
     * invocations are slower, and failing the hook would fail the deployment of the version.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            primer.prime();
        } catch (Exception e) {
            log.println("certguard " + function + ": SnapStart priming failed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the snapshot is taken unprimed");
        }
    }

    /**
     * Nothing to renew: priming opens no connection (its SDK clients answer in memory and are closed), reads no
     * credentials and keeps no time. The JDK's default {@code SecureRandom} (NativePRNG) mixes {@code /dev/urandom}
     * into every output, so TLS randomness initialised during priming stays unique after a restore.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // see above: no state to renew
    }
}
