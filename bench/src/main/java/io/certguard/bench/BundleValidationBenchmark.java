package io.certguard.bench;

import io.certguard.bundle.BundleInput;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.ValidationContext;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The upload function's bundle validation, as it runs on a secret's text: parse the PEM bundle (leaf, intermediate,
 * root, all RSA-2048, and the leaf's PKCS#8 key), then every check (chain by signature, key pairing, host name,
 * validity against a fixed "now", strength). One thread; warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class BundleValidationBenchmark {

    static final String HOST = "links.example.com";

    private String bundle;
    private ValidationContext context;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-01-15T12:00:00Z");
        TestPki pki = TestPki.create(now, KeyKind.RSA_2048);
        HeldCertificate leaf = pki.leaf(HOST).key(KeyKind.RSA_2048).validFor(now.minus(Duration.ofDays(1)),
                Duration.ofDays(90)).build();
        bundle = pki.tlsCertPem(leaf);
        context = ValidationContext.of(HOST, now, Duration.ofDays(30));
        // A benchmark of a failing path would measure the wrong thing: insist the bundle is uploadable.
        if (!(validate() instanceof BundleReport.Uploadable)) {
            throw new IllegalStateException("the benchmark bundle does not validate: " + validate());
        }
    }

    @Benchmark
    public BundleReport validate() {
        return BundleValidator.validate(BundleInput.fromText(bundle), context);
    }
}
