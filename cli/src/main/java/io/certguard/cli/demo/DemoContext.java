package io.certguard.cli.demo;

import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.bundle.BundleInput;
import io.certguard.testpki.HeldCertificate;
import io.certguard.upload.CertificateUploader;
import io.certguard.upload.UploadAlarmRenderer;
import io.certguard.upload.UploadPolicy;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadSettings;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
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
import java.util.function.Function;

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
    private final TwilioDomains twilio;
    private final CertificateUploader uploader;
    private final ValidationPoller poller;
    private Optional<ScanSummary> lastScan = Optional.empty();
    private Optional<Renewal> renewal = Optional.empty();
    private Optional<UploadRecord> upload = Optional.empty();

    /** The renewed certificate of the story's second half, and its bundle (which holds the key: never printed). */
    record Renewal(HeldCertificate leaf, BundleInput bundle) {
    }

    private DemoContext(Clock clock, OfflineWorld world) {
        this.clock = clock;
        this.world = world;
        // Alarms are recorded, not published: the story shows them when it gets to them.
        this.alarms = new RecordedAlarms(alarm -> "demo-" + alarm.attributes().get("alarm_type"));
        this.twilio = new TwilioHttpClient(TwilioClientSettings.defaults(world.twilio().baseUri()),
                OfflineWorld.CREDENTIALS);
        DnsSettings dns = new DnsSettings(List.of(world.dns().address()), DnsSettings.DEFAULT_TIMEOUT,
                DnsSettings.DEFAULT_ATTEMPTS);
        TrustAnchors anchors = TrustAnchors.of(List.of(world.pki().root().certificate()));
        InMemoryStateStore store = new InMemoryStateStore();
        SingleAccount account = new SingleAccount(twilio);
        this.scanner = new ScanAssembly(account, dns, true, anchors, store, alarms, AlarmThresholds.DEFAULT,
                ScanAssembly.DEFAULT_SECRET_PREFIX, 1).scanner();
        // The upload and the validation poll, wired as the upload function wires them, on the same state and alarms.
        UploadAlarmRenderer renderer = new UploadAlarmRenderer();
        PollSettings poll = PollSettings.defaults();
        this.uploader = CertificateUploader.forBundles(store, account, alarms, renderer, new UploadPolicy(
                UploadSettings.of(ScanAssembly.DEFAULT_SECRET_PREFIX, AlarmThresholds.DEFAULT, poll.delayAfter(0))),
                sid -> domain());
        this.poller = new ValidationPoller(store, account, ScanAssembly.served(Optional.of(dns), anchors), alarms,
                renderer, new ValidationPolicy(poll), sid -> domain(), 1);
    }

    /** Starts the offline world; close the context to stop it. */
    static DemoContext start(Clock clock, Function<Clock, OfflineWorld> worlds) {
        return new DemoContext(clock, worlds.apply(clock));
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

    /** Twilio, as certguard reaches it (the simulator). */
    public TwilioDomains twilio() {
        return twilio;
    }

    public CertificateUploader uploader() {
        return uploader;
    }

    public ValidationPoller poller() {
        return poller;
    }

    /** The renewed certificate, once a step stored it. */
    Renewal renewal() {
        return renewal.orElseThrow(() -> new IllegalStateException("no renewed certificate is stored yet"));
    }

    void renewal(Renewal stored) {
        this.renewal = Optional.of(stored);
    }

    /** The renewal's upload record as last seen, once a step uploaded it. */
    UploadRecord upload() {
        return upload.orElseThrow(() -> new IllegalStateException("nothing is uploaded yet"));
    }

    void upload(UploadRecord record) {
        this.upload = Optional.of(record);
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
