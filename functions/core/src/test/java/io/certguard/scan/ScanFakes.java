package io.certguard.scan;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublishException;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.testing.TestSids;
import io.certguard.twilio.DnsValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.DomainConfig;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioDomains;
import io.certguard.twilio.TwilioUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory stand-ins for the scan's Twilio and alarm ports, shared by the scan use-case tests. */
final class ScanFakes {

    private ScanFakes() {
    }

    /** How the scan reaches a domain named by its SID alone: as {@link #domain(int)} configured it. */
    static MonitoredDomain bySid(DomainSid sid) {
        return domain(Integer.parseInt(sid.value().substring(2), 16));
    }

    static MonitoredDomain domain(int n) {
        return new MonitoredDomain(TestSids.numbered(n), Optional.of("links" + n + ".example.com"), 443);
    }

    static final class RecordingPublisher implements AlarmPublisher {
        final AtomicBoolean failing = new AtomicBoolean();
        final List<AlarmMessage> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String publish(AlarmMessage alarm) {
            if (failing.get()) {
                throw new AlarmPublishException("SNS unreachable", null);
            }
            sent.add(alarm);
            return "m-" + sent.size();
        }

        List<String> subjects() {
            synchronized (sent) {
                return sent.stream().map(AlarmMessage::subject).toList();
            }
        }
    }

    /** Twilio with one customer-managed certificate per domain, expiring in ten days; fails loudly on uploads. */
    static final class FakeTwilio implements TwilioDomains {
        final Instant expires;
        volatile DomainSid failFor;
        final Map<DomainSid, AtomicInteger> certificateReads = new ConcurrentHashMap<>();

        FakeTwilio(Instant now) {
            this.expires = now.plus(Duration.ofDays(10));
        }

        @Override
        public DomainCertificate fetchCertificate(DomainSid domain) {
            certificateReads.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet();
            if (domain.equals(failFor)) {
                throw new TwilioUnavailableException("GET certificate failed after 4 attempts: HTTP 503", 503,
                        Optional.empty(), null);
            }
            return new DomainCertificate(domain, Optional.of("CW" + "a".repeat(32)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(expires), Optional.of(false), Optional.of(false), Optional.empty(), "v2");
        }

        @Override
        public DomainConfig fetchConfig(DomainSid domain) {
            return new DomainConfig(domain, Optional.empty(), Optional.of(false), Optional.of(false), Optional.empty(),
                    Optional.empty());
        }

        @Override
        public DnsValidation validateDns(DomainSid domain) {
            return new DnsValidation(domain, Optional.of(true), Optional.of(""));
        }

        @Override
        public DomainCertificate uploadCertificate(DomainSid domain, TlsCertPayload tlsCert) {
            throw new UnsupportedOperationException("the scan never uploads");
        }

        @Override
        public DomainCertificate requestManagedCertificate(DomainSid domain) {
            throw new UnsupportedOperationException("the scan never requests certificates");
        }
    }
}
