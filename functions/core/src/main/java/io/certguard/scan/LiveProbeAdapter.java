package io.certguard.scan;

import io.certguard.tls.EarliestExpiry;
import io.certguard.tls.LiveCertificate;
import io.certguard.tls.LiveCertificateProbe;
import io.certguard.tls.ProbeOutcome;
import io.certguard.tls.ProbeTarget;
import java.time.Instant;
import java.util.Objects;

/** The scan's and the poll's view of a TLS probe: the served leaf and the verdict on its chain. */
public final class LiveProbeAdapter implements ServedCertificates {

    private final LiveCertificateProbe probe;

    public LiveProbeAdapter(LiveCertificateProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public LiveStatus probe(String host, int port, Instant now) {
        ProbeTarget target;
        try {
            target = ProbeTarget.of(host, port);
        } catch (IllegalArgumentException e) {
            throw new CheckException("cannot probe " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return switch (probe.probe(target, now)) {
            case ProbeOutcome.Reached reached -> status(reached.certificate());
            case ProbeOutcome.Unreachable unreachable -> throw new CheckException(unreachable.kind() + ": "
                    + unreachable.message());
        };
    }

    private static LiveStatus status(LiveCertificate served) {
        return new LiveStatus(served.notAfter(), served.sha256Fingerprint(), served.verified(),
                served.verificationError(), served.verification().earliestExpiry().map(EarliestExpiry::notAfter),
                served.protocol());
    }
}
