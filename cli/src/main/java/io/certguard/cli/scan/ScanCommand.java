package io.certguard.cli.scan;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.SnsAlarmPublisher;
import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.cli.Arguments;
import io.certguard.cli.Command;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.CommonOptions;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Option;
import io.certguard.cli.Output;
import io.certguard.cli.Progress;
import io.certguard.cli.Text;
import io.certguard.cli.UsageException;
import io.certguard.cli.state.FileStateStore;
import io.certguard.domain.DomainList;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.DomainResult;
import io.certguard.scan.ScanSummary;
import io.certguard.tls.TrustAnchors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code scan}: the scan function's logic from a laptop. Twilio credentials from the environment, state in a local
 * file, alarms printed (or published to SNS).
 */
public final class ScanCommand implements Command {

    static final String DEFAULT_STATE = ".certguard/state.json";
    static final int CONCURRENCY = 8;

    private static final Option DOMAIN = Option.repeatable("domain", "DN…[=HOST[:PORT]]",
            "a domain to scan, optionally with the host and port to probe (default: the DOMAINS variable)");
    private static final Option STATE = Option.value("state", "FILE",
            "the scan's memory: alarms sent, failures (default: " + DEFAULT_STATE + ")");
    private static final Option TOPIC_ARN = Option.value("topic-arn", "ARN",
            "publish alarms to this SNS topic (AWS credentials and region from the default chains) instead of printing");

    private static final CommandSpec SPEC = new CommandSpec("scan",
            "Check domains now: Twilio's certificate, the live TLS endpoint, CAA; print the alarms",
            List.of("scan [--domain DN…[=HOST[:PORT]]]… [--twilio-base-url URL] [--resolver IP[:PORT]] [--state FILE]",
                    "     [--now ISO-8601] [--topic-arn ARN] [--json]"),
            """
            Runs the scan function's checks and decisions for each domain: Twilio's Certificate, Config and DNS
            validation, the certificate the host serves (TLS with SNI, HOST from --domain or Twilio's domain_name),
            and CAA for Let's Encrypt. Alarms are de-duplicated through the state file: running twice sends no alarm
            twice. --now evaluates as at another time, e.g. to see what next week brings.

            Alarms are printed on stdout (subject, SMS and email) as they are decided; with --json they are part of the
            JSON result and named on stderr; with --topic-arn they are published to SNS.

            %s ALARM_THRESHOLDS_DAYS (default 30,14,7,3,1) sets when to alarm, and
            CERTIFICATE_SECRET_PREFIX (default certguard/) where the alarms say to store a renewed bundle.

            Exit status: 0 every domain checked, 1 some checks failed (see the table), 2 usage error,
            4 the state file could not be read or written.
            """.formatted(CommonOptions.CREDENTIALS_HELP),
            List.of(DOMAIN, CommonOptions.TWILIO_BASE_URL, CommonOptions.RESOLVER, STATE, CommonOptions.NOW, TOPIC_ARN),
            0, 0);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Invocation invocation) {
        Arguments args = invocation.args();
        Output output = invocation.output();
        List<MonitoredDomain> domains = domains(invocation);
        Instant now = CommonOptions.now(invocation);
        boolean givenResolvers = CommonOptions.resolvers(invocation).isPresent();
        DnsSettings dns = CommonOptions.dns(invocation);
        TwilioHttpClient twilio = new TwilioHttpClient(TwilioClientSettings.defaults(CommonOptions.twilioBaseUri(invocation)),
                CommonOptions.credentials(invocation));
        FileStateStore store = new FileStateStore(Path.of(args.value(STATE.name()).orElse(DEFAULT_STATE)));
        Optional<String> topicArn = args.value(TOPIC_ARN.name());

        try (AwsClients aws = topicArn.isPresent() ? new AwsClients() : null) {
            AlarmPublisher channel = topicArn.<AlarmPublisher>map(arn -> new SnsAlarmPublisher(aws.sns(), arn))
                    .orElseGet(() -> output.json() ? AlarmPrinter.subjects(output.err()) : AlarmPrinter.full(output.out()));
            RecordedAlarms alarms = new RecordedAlarms(channel);
            ScanAssembly assembly = new ScanAssembly(new SingleAccount(twilio), dns, givenResolvers,
                    TrustAnchors.jdkDefault(), store, alarms, CommonOptions.thresholds(invocation),
                    invocation.env("CERTIFICATE_SECRET_PREFIX").orElse(ScanAssembly.DEFAULT_SECRET_PREFIX), CONCURRENCY);
            Progress progress = Progress.start(output, domains.size(), "scanning " + Text.count(domains.size(), "domain")
                    + " as at " + Text.utc(now) + " (state in " + store.file() + ")");
            ScanSummary summary = ScanRun.run(assembly.scanner(), domains, now, CONCURRENCY, progress);

            if (output.json()) {
                output.document(ScanView.json(summary, alarms.published(), now));
            } else {
                output.out().print((alarms.published().isEmpty() ? "" : "\n") + ScanView.human(summary, alarms.published(), now));
            }
            return exitCode(summary);
        }
    }

    static ExitCode exitCode(ScanSummary summary) {
        if (summary.stateFailed()) {
            return ExitCode.FAILURE;
        }
        return summary.count(DomainResult.Outcome.CHECKED) == summary.domains().size() ? ExitCode.OK : ExitCode.PROBLEM;
    }

    /** {@code --domain} entries, else the DOMAINS variable; a SID given twice is scanned once. */
    static List<MonitoredDomain> domains(Invocation invocation) {
        List<String> given = invocation.args().values(DOMAIN.name());
        List<MonitoredDomain> domains = new ArrayList<>();
        if (given.isEmpty()) {
            Optional<String> setting = invocation.env("DOMAINS");
            if (setting.isEmpty()) {
                throw new UsageException("no domains to scan: give --domain DN…[=HOST[:PORT]] or set DOMAINS");
            }
            try {
                domains.addAll(DomainList.parse(setting.get()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String entry : given) {
            MonitoredDomain domain;
            try {
                domain = DomainList.parseEntry(entry.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--domain " + Arguments.shown(entry) + ": " + e.getMessage(), e);
            }
            if (!seen.add(domain.sid().value())) {
                throw new UsageException("--domain " + domain.sid() + " is given more than once");
            }
            domains.add(domain);
        }
        return List.copyOf(domains);
    }
}
