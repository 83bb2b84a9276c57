package io.certguard.upload;

import io.certguard.domain.DomainSid;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.CertValidationStatus;
import io.certguard.twilio.DnsValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.DomainConfig;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioDomains;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Twilio domain in memory: its certificate's expiry, a candidate in validation that is promoted after a number of
 * reads, the payloads posted, and failures to throw in order.
 */
final class FakeTwilio implements TwilioDomains {

    final DomainSid sid;
    final String host;
    volatile Optional<Instant> expires;
    volatile Optional<Instant> candidate = Optional.empty();
    volatile int pendingReads = 1;
    private volatile int readsLeft;
    final List<String> posted = new CopyOnWriteArrayList<>();
    final Deque<RuntimeException> fetchFailures = new ArrayDeque<>();
    final Deque<RuntimeException> postFailures = new ArrayDeque<>();
    volatile int fetches;

    FakeTwilio(DomainSid sid, String host, Instant expires) {
        this.sid = sid;
        this.host = host;
        this.expires = Optional.ofNullable(expires);
    }

    @Override
    public synchronized DomainCertificate fetchCertificate(DomainSid domain) {
        fetches++;
        if (!fetchFailures.isEmpty()) {
            throw fetchFailures.removeFirst();
        }
        if (candidate.isPresent()) {
            if (readsLeft > 0) {
                readsLeft--;
            } else {
                expires = candidate;
                candidate = Optional.empty();
            }
        }
        return certificate();
    }

    @Override
    public synchronized DomainCertificate uploadCertificate(DomainSid domain, TlsCertPayload tlsCert) {
        if (!postFailures.isEmpty()) {
            throw postFailures.removeFirst();
        }
        posted.add(tlsCert.pem());
        candidate = Optional.of(firstCertificate(tlsCert.pem()).getNotAfter().toInstant());
        readsLeft = pendingReads;
        return certificate();
    }

    /** Twilio is validating a certificate expiring at {@code notAfter} (for {@link #pendingReads} more reads). */
    synchronized void inValidation(Instant notAfter) {
        candidate = Optional.of(notAfter);
        readsLeft = pendingReads;
    }

    DomainCertificate certificate() {
        Optional<CertInValidation> inValidation = candidate.map(c -> new CertInValidation(CertValidationStatus.PENDING,
                "pending", Optional.of(c), Map.of("status", "pending", "date_expires", c.toString())));
        return new DomainCertificate(sid, Optional.of("CW" + "0".repeat(32)), Optional.of("https://" + host),
                Optional.empty(), Optional.empty(), expires, Optional.of(false), Optional.of(false), inValidation, "v2");
    }

    @Override
    public DomainConfig fetchConfig(DomainSid domain) {
        throw new UnsupportedOperationException("the upload does not read the Config");
    }

    @Override
    public DnsValidation validateDns(DomainSid domain) {
        throw new UnsupportedOperationException("the upload does not validate DNS");
    }

    @Override
    public DomainCertificate requestManagedCertificate(DomainSid domain) {
        throw new UnsupportedOperationException("the upload never requests a managed certificate");
    }

    static X509Certificate firstCertificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("no certificate in the payload", e);
        }
    }
}
