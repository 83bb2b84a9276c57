package io.certguard.cli.bundle;

import io.certguard.bundle.BundleInput;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.ValidationContext;
import io.certguard.cli.Arguments;
import io.certguard.cli.Command;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.CommonOptions;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Option;
import io.certguard.cli.Output;
import io.certguard.cli.UsageException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code check-bundle FILE --domain HOST}: the upload's validation of a bundle, on a local file, before uploading. */
public final class CheckBundleCommand implements Command {

    private static final Option DOMAIN = Option.value("domain", "HOST", "the domain's host name the certificate must "
            + "cover, e.g. links.example.com (required)");
    private static final Option WRITE_TLSCERT = Option.value("write-tlscert", "OUT", "when uploadable, write the "
            + "normalized TlsCert payload (chain, then the key as PKCS#8) to OUT, created with mode 0600");

    private static final CommandSpec SPEC = new CommandSpec("check-bundle",
            "Check a certificate bundle before uploading it to Twilio",
            List.of("check-bundle FILE --domain HOST [--now ISO-8601] [--write-tlscert OUT] [--json]"),
            """
            FILE is a PEM bundle (certificates and the private key, in any order) or the JSON secret format
            ({"certificate","chain","privateKey","privateKeyPassphrase"}). The checks are the upload function's:
            the chain is built by signature (leaf, intermediates, root), the key must match the leaf, the leaf must
            cover HOST, every certificate must be valid at --now, and the leaf should outlive the first alarm
            threshold (ALARM_THRESHOLDS_DAYS, default 30 days). The private key is never printed.

            Exit status: 0 uploadable, 1 any ERROR finding, 2 usage error (missing file, no --domain, bad --now).
            """,
            List.of(DOMAIN, CommonOptions.NOW, WRITE_TLSCERT), 1, 1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Invocation invocation) {
        Arguments args = invocation.args();
        String file = args.positionals().getFirst();
        String host = args.required(DOMAIN.name());
        Instant now = CommonOptions.now(invocation);
        Optional<Path> tlsCertOut = args.value(WRITE_TLSCERT.name()).map(CheckBundleCommand::path);
        tlsCertOut.ifPresent(TlsCertFile::checkTarget);
        ValidationContext context = context(host, now,
                Duration.ofDays(CommonOptions.thresholds(invocation).first()));

        BundleReport report = BundleValidator.validate(BundleInput.fromBytes(BundleFile.read(path(file))), context);

        Output output = invocation.output();
        if (output.json()) {
            output.document(BundleReportView.json(report));
        } else {
            output.out().print(BundleReportView.human(file, context.host(), report, now));
        }
        if (tlsCertOut.isPresent()) {
            if (report instanceof BundleReport.Uploadable uploadable) {
                TlsCertFile.write(tlsCertOut.get(), uploadable.payload());
                output.note("wrote the TlsCert payload (chain, then the PKCS#8 key) to " + tlsCertOut.get()
                        + ", readable only by you (mode 0600)");
            } else {
                output.note("did not write " + tlsCertOut.get() + ": the bundle is not uploadable");
            }
        }
        return report.uploadable() ? ExitCode.OK : ExitCode.PROBLEM;
    }

    private static ValidationContext context(String host, Instant now, Duration firstThreshold) {
        try {
            return ValidationContext.of(host, now, firstThreshold);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--domain " + Arguments.shown(host) + " is not a host name", e);
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("not a file name: " + e.getMessage(), e);
        }
    }
}
