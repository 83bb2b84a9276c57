package io.certguard.bench.coldstart;

/**
 * One measured JVM, in microseconds since the epoch: launched (by this driver, just before the process started),
 * main entered, handler constructed, CRaC hooks done (equal to init end without them), invocation returned; and the
 * CPU time the JVM had used by then (all threads, clock-tick resolution).
 */
record RunTimings(long launch, long mainStart, long initEnd, long restored, long invokeEnd, long cpu, String response) {

    double jvmStartMs() {
        return (mainStart - launch) / 1000.0;
    }

    double initMs() {
        return (initEnd - mainStart) / 1000.0;
    }

    double hooksMs() {
        return (restored - initEnd) / 1000.0;
    }

    double invokeMs() {
        return (invokeEnd - restored) / 1000.0;
    }

    /** Launch to the end of the first invocation, without the hooks' time (a snapshot is taken after them). */
    double totalMs() {
        return (invokeEnd - launch) / 1000.0 - hooksMs();
    }

    double cpuMs() {
        return cpu / 1000.0;
    }

    String summary() {
        return String.format("total %7.1f ms (JVM start %5.1f, init %6.1f, hooks %6.1f, invocation %6.1f; CPU %6.0f)",
                totalMs(), jvmStartMs(), initMs(), hooksMs(), invokeMs(), cpuMs());
    }
}
