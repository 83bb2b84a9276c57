package io.certguard.cli.demo;

import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.cli.scan.RecordedAlarms;
import io.certguard.cli.scan.ScanAssembly;
import io.certguard.cli.scan.SingleAccount;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.scan.DomainScanner;
import io.certguard.scan.ScanSummary;
import io.certguard.simulator.OfflineWorld;
import io.certguard.tls.TrustAnchors;
import io.certguard.twilio.TwilioDomains;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the demo's steps share: the offline world (Twilio simulator, TLS and DNS on loopback, test PKI), the domain of
 * the story, certguard's state in memory, the alarms sent so far, and the use cases wired to all of it, as the
 * functions are wired to the real services.
 */
public final class DemoContext implements AutoCloseable {

    /** The story's domain. */
    public static final DomainSid SID = DomainSid.of("DN" + "5ca1ab1e".repeat(4));
    public static final String HOST = "links.example.com";
    /** How long the domain's certificate has left when the story starts. */
    public static final Duration DAYS_LEFT = Duration.ofDays(10);

    private final Clock clock;
    private final OfflineWorld world;
    private final RecordedAlarms alarms;
    private final DomainScanner scanner;
    private Optional<ScanSummary> lastScan = Optional.empty();

    private DemoContext(Clock clock, OfflineWorld world) {
        this.clock = clock;
        this.world = world;
        // Alarms are recorded, not published: the story shows them when it gets to them.
        this.alarms = new RecordedAlarms(alarm -> "demo-" + alarm.attributes().get("alarm_type"));
        TwilioDomains twilio = new TwilioHttpClient(TwilioClientSettings.defaults(world.twilio().baseUri()),
                OfflineWorld.CREDENTIALS);
        DnsSettings dns = new DnsSettings(List.of(world.dns().address()), DnsSettings.DEFAULT_TIMEOUT,
                DnsSettings.DEFAULT_ATTEMPTS);
        this.scanner = new ScanAssembly(new SingleAccount(twilio), dns, true,
                TrustAnchors.of(List.of(world.pki().root().certificate())), new InMemoryStateStore(), alarms, AlarmThresholds.DEFAULT,
                ScanAssembly.DEFAULT_SECRET_PREFIX, 1).scanner();
    }

    /** Starts the offline world; close the context to stop it. */
    static DemoContext start(Clock clock) {
        return new DemoContext(clock, OfflineWorld.start(clock));
    }

    public Instant now() {
        return clock.instant();
    }

    public OfflineWorld world() {
        return world;
    }

    /** The story's domain as the scan probes it: the host on the loopback TLS server's port. */
    public MonitoredDomain domain() {
        return new MonitoredDomain(SID, Optional.of(HOST), world.tls().port());
    }

    public RecordedAlarms alarms() {
        return alarms;
    }

    public DomainScanner scanner() {
        return scanner;
    }

    /** The result of the latest scan. */
    public Optional<ScanSummary> lastScan() {
        return lastScan;
    }

    void lastScan(ScanSummary summary) {
        this.lastScan = Optional.of(summary);
    }

    @Override
    public void close() {
        world.close();
    }
}
