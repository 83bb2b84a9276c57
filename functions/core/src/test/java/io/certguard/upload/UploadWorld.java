package io.certguard.upload;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublishException;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.scan.CheckException;
import io.certguard.scan.LiveStatus;
import io.certguard.scan.ServedCertificates;
import io.certguard.testing.MutableClock;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.tls.CertificateFingerprint;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The upload use case over in-memory ports: a state table, Secrets Manager, one Twilio domain, a TLS host and an alarm
 * inbox. Certificates come from a throwaway test PKI.
 */
final class UploadWorld {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final DomainSid SID = DomainSid.of("DN" + "0123456789abcdef".repeat(2));
    static final String HOST = "links.example.com";
    static final String SECRET = "certguard/certificates/links.example.com";
    static final TestPki PKI = TestPki.create(NOW.minus(Duration.ofDays(90)), KeyKind.EC_P256);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryStateStore store = new InMemoryStateStore();
    final FakeSecrets secrets = new FakeSecrets();
    final FakeTwilio twilio;
    final List<AlarmMessage> alarms = new CopyOnWriteArrayList<>();
    final AtomicBoolean publishFails = new AtomicBoolean();
    volatile Optional<String> served = Optional.empty();
    final UploadSettings settings = UploadSettings.of("certguard/", AlarmThresholds.DEFAULT, Duration.ofMinutes(1));
    final CertificateUploader uploader;
    final ValidationPoller poller;

    /** A domain whose current certificate expires {@code daysLeft} days from {@link #NOW}, tagged on the secret. */
    UploadWorld(int daysLeft) {
        twilio = new FakeTwilio(SID, HOST, NOW.plus(Duration.ofDays(daysLeft)));
        secrets.create(SECRET, Map.of(DomainResolution.TAG, SID.value()), true);
        AlarmPublisher publisher = alarm -> {
            if (publishFails.get()) {
                throw new AlarmPublishException("topic unreachable", null);
            }
            alarms.add(alarm);
            return "message-" + alarms.size();
        };
        ServedCertificates live = (host, port, at) -> served
                .map(f -> new LiveStatus(NOW.plus(Duration.ofDays(90)), f, true, Optional.empty(), Optional.empty(), "TLSv1.3"))
                .orElseThrow(() -> new CheckException("connection refused"));
        uploader = new CertificateUploader(store, secrets, credentials -> twilio, publisher, new UploadAlarmRenderer(),
                new UploadPolicy(settings), sid -> new MonitoredDomain(sid, Optional.of(HOST), 443));
        poller = new ValidationPoller(store, credentials -> twilio, live, publisher, new UploadAlarmRenderer(),
                new ValidationPolicy(PollSettings.defaults()), sid -> new MonitoredDomain(sid, Optional.of(HOST), 443), 2);
    }

    /** A leaf for {@link #HOST} expiring {@code days} days from {@link #NOW}. */
    static HeldCertificate leaf(int days) {
        return PKI.leaf(HOST).key(KeyKind.EC_P256).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(days)))
                .build();
    }

    static String bundle(HeldCertificate leaf) {
        return PKI.tlsCertPem(leaf);
    }

    /** The host now serves {@code leaf}. */
    void serve(HeldCertificate leaf) {
        served = Optional.of(CertificateFingerprint.sha256(leaf.certificate()));
    }

    UploadOutcome upload(String versionId) {
        return uploader.upload(new UploadRequest(SECRET, Optional.of(versionId), false), clock.instant());
    }

    UploadRecord record(String versionId) {
        return uploader.find(SID, versionId).orElseThrow();
    }

    List<String> subjects() {
        return alarms.stream().map(AlarmMessage::subject).toList();
    }
}
