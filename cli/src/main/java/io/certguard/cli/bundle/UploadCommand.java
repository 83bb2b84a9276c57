package io.certguard.cli.bundle;

import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.bundle.BundleInput;
import io.certguard.cli.Arguments;
import io.certguard.cli.Command;
import io.certguard.cli.CommandFailure;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.CommonOptions;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Option;
import io.certguard.cli.Output;
import io.certguard.cli.Text;
import io.certguard.cli.UsageException;
import io.certguard.cli.scan.AlarmPrinter;
import io.certguard.cli.scan.PublishedAlarm;
import io.certguard.cli.scan.RecordedAlarms;
import io.certguard.cli.scan.ScanAssembly;
import io.certguard.cli.scan.SingleAccount;
import io.certguard.cli.state.FileStateStore;
import io.certguard.domain.DomainList;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.TwilioAccounts;
import io.certguard.tls.TrustAnchors;
import io.certguard.upload.BundleUpload;
import io.certguard.upload.CertificateUploader;
import io.certguard.upload.TransientUploadException;
import io.certguard.upload.UploadAlarmRenderer;
import io.certguard.upload.UploadOutcome;
import io.certguard.upload.UploadPolicy;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadSettings;
import io.certguard.upload.UploadStatus;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code upload FILE --domain-sid DN… [--wait] [--force]}: a local bundle through the upload use case
 * ({@link CertificateUploader#uploadBundle}: validated against Twilio's current certificate, posted as TlsCert,
 * recorded in the state file), then with {@code --wait} followed by the validation poll's code until it is live or
 * final, bounded by {@code --timeout}.
 */
public final class UploadCommand implements Command {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    /** How often {@code --wait} asks Twilio (Twilio says to allow about five minutes for validation). */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smh])");
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Outcomes of following an upload that mean it will not become live. */
    private static final Set<UploadStatus> FAILED = EnumSet.of(UploadStatus.FAILED, UploadStatus.REJECTED_BY_TWILIO,
            UploadStatus.LIVE_MISMATCH, UploadStatus.GAVE_UP, UploadStatus.REJECTED, UploadStatus.REJECTED_BY_API);

    private static final Option DOMAIN_SID = Option.value("domain-sid", "DN…[=HOST[:PORT]]", "the domain to upload to "
            + "(required), optionally with the host and port --wait probes (default: Twilio's domain_name, port 443)");
    private static final Option WAIT = Option.flag("wait", "follow Twilio's validation until the host serves the new "
            + "certificate (progress on stderr)");
    private static final Option FORCE = Option.flag("force", "upload even when the leaf expires no later than the "
            + "certificate Twilio has (NOT_NEWER becomes a warning)");
    private static final Option TIMEOUT = Option.value("timeout", "DURATION", "how long --wait waits, e.g. 90s, 15m, "
            + "1h or PT15M (default: 15m)");
    private static final Option STATE = Option.value("state", "FILE",
            "where the upload is recorded for the scan and later runs (default: .certguard/state.json)");

    private static final CommandSpec SPEC = new CommandSpec("upload",
            "Validate a certificate bundle and upload it to a Twilio domain; --wait until it is live",
            List.of("upload FILE --domain-sid DN…[=HOST[:PORT]] [--wait [--timeout DURATION]] [--force]",
                    "       [--twilio-base-url URL] [--resolver IP[:PORT]] [--state FILE] [--json]"),
            """
            FILE is a PEM bundle or the JSON secret format, as for check-bundle. The upload function's use case
            runs on it: the bundle is validated for the domain's host against the certificate Twilio has now (and
            uploads still being validated), so an older certificate never replaces a newer one unless --force is
            given; then it is posted as TlsCert and recorded in the state file, where the scan sees it. With --wait
            the validation poll's code follows it until the host serves the new certificate (RESOLVED), Twilio
            refuses it, or --timeout passes. Alarms are named on stderr, not published. The key is never printed.

            %s

            Exit status: 0 uploaded (with --wait: live; or Twilio already had it), 1 rejected or failed validation,
            2 usage error (missing file, bad SID, no credentials), 4 could not complete (Twilio unreachable, the
            state file, --timeout passed while Twilio was still validating).
            """.formatted(CommonOptions.CREDENTIALS_HELP),
            List.of(DOMAIN_SID, WAIT, TIMEOUT, FORCE, CommonOptions.TWILIO_BASE_URL, CommonOptions.RESOLVER, STATE), 1, 1);

    private final Duration pollInterval;
    private final TrustAnchors anchors;

    public UploadCommand() {
        this(POLL_INTERVAL, TrustAnchors.jdkDefault());
    }

    /** For tests: a shorter wait between polls, and the roots of a test PKI. */
    public UploadCommand(Duration pollInterval, TrustAnchors anchors) {
        this.pollInterval = pollInterval;
        this.anchors = anchors;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Invocation invocation) {
        Arguments args = invocation.args();
        Output output = invocation.output();
        String file = args.positionals().getFirst();
        MonitoredDomain domain = domain(args.required(DOMAIN_SID.name()));
        boolean wait = args.flag(WAIT.name());
        Duration timeout = args.value(TIMEOUT.name()).map(UploadCommand::timeout).orElse(DEFAULT_TIMEOUT);
        if (!wait && args.value(TIMEOUT.name()).isPresent()) {
            throw UsageException.syntax("--timeout bounds --wait; give --wait too");
        }
        byte[] bytes = BundleFile.read(path(file));
        TwilioAccounts twilio = new SingleAccount(new TwilioHttpClient(
                TwilioClientSettings.defaults(CommonOptions.twilioBaseUri(invocation)), CommonOptions.credentials(invocation)));
        FileStateStore store = new FileStateStore(path(args.value(STATE.name()).orElse(".certguard/state.json")));
        RecordedAlarms alarms = new RecordedAlarms(AlarmPrinter.subjects(output.err()));
        UploadAlarmRenderer renderer = new UploadAlarmRenderer();
        PollSettings poll = PollSettings.defaults();
        UploadPolicy policy = new UploadPolicy(UploadSettings.of(ScanAssembly.DEFAULT_SECRET_PREFIX,
                CommonOptions.thresholds(invocation), poll.delayAfter(0)));
        CertificateUploader uploader = CertificateUploader.forBundles(store, twilio, alarms, renderer, policy, sid -> domain);

        Instant now = invocation.clock().instant();
        BundleUpload bundle = new BundleUpload(domain.sid(), "local file " + Path.of(file).getFileName(),
                versionId(now, bytes, args.flag(FORCE.name())), BundleInput.fromBytes(bytes), args.flag(FORCE.name()));
        UploadOutcome outcome;
        try {
            outcome = uploader.uploadBundle(bundle, now);
        } catch (TransientUploadException e) {
            throw CommandFailure.failed("the upload did not complete: " + e.getCause().getMessage()
                    + "; run it again", e);
        }
        UploadRecord record = switch (outcome) {
            case UploadOutcome.Uploaded u -> u.upload();
            case UploadOutcome.AlreadyPresent a -> a.upload();
            case UploadOutcome.Rejected r -> r.upload();
            case UploadOutcome.Duplicate d -> d.existing();
            case UploadOutcome.Ignored i -> throw CommandFailure.failed("not uploaded: " + i.reason(), null);
            case UploadOutcome.Unresolved u -> throw CommandFailure.failed("not uploaded: " + u.reason(), null);
        };
        if (record.status() == UploadStatus.IN_PROGRESS) {
            throw CommandFailure.failed("another certguard run is uploading this file right now; try again in a"
                    + " minute", null);
        }
        Findings findings = new Findings(switch (outcome) {
            case UploadOutcome.Uploaded u -> u.findings();
            case UploadOutcome.AlreadyPresent a -> a.findings();
            case UploadOutcome.Rejected r -> r.findings();
            default -> List.of();
        });
        if (!output.json()) {
            output.out().print(UploadView.human(file, record, findings.all(), now));
        }
        boolean waited = wait && record.status().polled();
        if (waited) {
            ValidationPoller poller = new ValidationPoller(store, twilio, ScanAssembly.served(
                    CommonOptions.resolvers(invocation).map(r -> CommonOptions.dns(invocation)), anchors),
                    alarms, renderer, new ValidationPolicy(poll), sid -> domain, 1);
            record = follow(invocation, uploader, poller, record, timeout);
        }
        if (output.json()) {
            output.document(UploadView.json(outcome, record, findings.all(), waited, alarms.published()));
        } else if (waited || record.status() != UploadStatus.VALIDATING) {
            output.line("");
            output.line(UploadView.verdict(record));
        } else {
            output.line("");
            output.line("Twilio is validating it (allow about five minutes). ./certguard scan shows its progress; "
                    + "upload --wait follows it.");
        }
        return exitCode(record, waited, timeout);
    }

    private record Findings(List<io.certguard.bundle.Finding> all) {
    }

    /**
     * Follows the upload with the validation poll's code until it is no longer polled or {@code timeout} passes
     * (measured on the monotonic clock, so a test's fixed clock cannot make it endless).
     */
    private UploadRecord follow(Invocation invocation, CertificateUploader uploader, ValidationPoller poller,
            UploadRecord uploaded, Duration timeout) {
        Output output = invocation.output();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        output.note("waiting for Twilio to validate the certificate and " + uploaded.host().orElse("the host")
                + " to serve it (at most " + describe(timeout) + ")…");
        UploadRecord record = uploaded;
        for (int poll = 1; ; poll++) {
            ValidationPoller.Followed followed = poller.followNow(record.key(), invocation.clock().instant());
            record = uploader.find(record.domain(), record.versionId()).orElse(record);
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            output.note("[poll " + poll + ", " + elapsed + " s] " + record.status()
                    + record.detail().map(d -> ": " + firstLine(d)).orElse("")
                    + (followed.problems().isEmpty() ? "" : " (" + String.join("; ", followed.problems()) + ")"));
            if (!record.status().polled() || System.nanoTime() + pollInterval.toNanos() > deadline) {
                return record;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CommandFailure.failed("interrupted while waiting; the upload is recorded as " + record.status()
                        + " and the validation poll goes on following it", e);
            }
        }
    }

    private static ExitCode exitCode(UploadRecord record, boolean waited, Duration timeout) {
        UploadStatus status = record.status();
        if (FAILED.contains(status)) {
            return ExitCode.PROBLEM;
        }
        if (waited && status.polled()) {
            throw new CommandFailure("--timeout " + describe(timeout) + " passed while the upload was " + status
                    + " (" + record.detail().map(UploadCommand::firstLine).orElse("") + "); it stays recorded, and "
                    + "./certguard scan shows when it is live", ExitCode.FAILURE, null);
        }
        return ExitCode.OK;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /**
     * One upload per file content, second and --force: running it again later (or forced) is a new attempt, which the
     * upload policy still deduplicates by the leaf.
     */
    static String versionId(Instant now, byte[] bytes, boolean force) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "cli-" + VERSION_TIME.format(now) + "-" + HexFormat.of().formatHex(digest, 0, 6) + (force ? "-forced" : "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static MonitoredDomain domain(String entry) {
        String sid = entry.strip().split("=", 2)[0];
        CommonOptions.domainSid("--domain-sid", sid);
        try {
            return DomainList.parseEntry(entry.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--domain-sid " + Arguments.shown(entry) + ": " + e.getMessage(), e);
        }
    }

    static Duration timeout(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration timeout;
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            timeout = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else {
            try {
                timeout = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new UsageException("--timeout " + Arguments.shown(text) + " is not a duration such as 90s, 15m, 1h"
                        + " or PT15M", e);
            }
        }
        if (!timeout.isPositive() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new UsageException("--timeout must be more than 0 and at most 24h (the validation poll gives up then)");
        }
        return timeout;
    }

    static String describe(Duration d) {
        return d.toSeconds() % 60 != 0 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("not a file name: " + e.getMessage(), e);
        }
    }

    /** Output for people and programs: certificate identities and findings, never the key or PEM. */
    static final class UploadView {

        private UploadView() {
        }

        static String human(String file, UploadRecord record, List<io.certguard.bundle.Finding> findings, Instant now) {
            StringBuilder text = new StringBuilder();
            text.append(file).append(" → ").append(record.host().orElse("?")).append(" (").append(record.domain())
                    .append("): ").append(summary(record.status())).append('\n');
            record.leafNotAfter().ifPresent(notAfter -> {
                long days = Text.daysLeft(now, notAfter);
                text.append("\nExpires:  ").append(Text.utc(notAfter)).append(days < 0 ? " (expired)"
                        : " (" + Text.days(days) + " left)").append('\n');
            });
            record.leafFingerprint().ifPresent(f -> text.append("SHA-256:  ").append(f).append('\n'));
            record.previousExpires().ifPresent(t -> text.append("Twilio's certificate before: expires ")
                    .append(Text.utc(t)).append('\n'));
            if (findings.isEmpty() && FAILED.contains(record.status())) {
                record.detail().ifPresent(d -> text.append('\n').append(d).append('\n'));
            }
            text.append(BundleReportView.findingsText(findings));
            return text.toString();
        }

        static String summary(UploadStatus status) {
            return switch (status) {
                case VALIDATING -> "uploaded; Twilio is validating it";
                case VALIDATED -> "uploaded and validated by Twilio";
                case LIVE -> "uploaded, and live";
                case ALREADY_PRESENT -> "not uploaded: Twilio already has this certificate";
                case REJECTED -> "NOT uploaded: the bundle was rejected";
                case REJECTED_BY_API -> "NOT uploaded: Twilio refused it";
                default -> status.name();
            };
        }

        static String verdict(UploadRecord record) {
            String detail = record.detail().map(UploadCommand::firstLine).orElse("");
            return switch (record.status()) {
                case LIVE -> "LIVE: " + record.host().orElse("the host") + " serves the new certificate (RESOLVED).";
                case ALREADY_PRESENT -> "Nothing to do: " + detail;
                case VALIDATING, VALIDATED -> record.status() + ": " + detail;
                default -> "FAILED (" + record.status() + "): " + detail;
            };
        }

        static Map<String, Object> json(UploadOutcome outcome, UploadRecord record,
                List<io.certguard.bundle.Finding> findings, boolean waited, List<PublishedAlarm> alarms) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("outcome", outcome.kind());
            json.put("uploaded", outcome instanceof UploadOutcome.Uploaded u && u.posted());
            json.put("domainSid", record.domain().value());
            json.put("host", record.host().orElse(null));
            json.put("version", record.versionId());
            json.put("status", record.status().name());
            json.put("live", waited ? record.status() == UploadStatus.LIVE : null);
            Map<String, Object> leaf = new LinkedHashMap<>();
            leaf.put("notAfter", record.leafNotAfter().map(Instant::toString).orElse(null));
            leaf.put("fingerprintSha256", record.leafFingerprint().orElse(null));
            json.put("leaf", record.leafNotAfter().isPresent() ? leaf : null);
            json.put("twilioExpiresBefore", record.previousExpires().map(Instant::toString).orElse(null));
            json.put("detail", record.detail().orElse(null));
            json.put("findings", BundleReportView.findings(findings));
            json.put("alarms", alarms.stream().map(PublishedAlarm::json).toList());
            return json;
        }
    }
}
