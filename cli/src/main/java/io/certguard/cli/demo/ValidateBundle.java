package io.certguard.cli.demo;

import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.Finding;
import io.certguard.bundle.ValidationContext;
import io.certguard.cli.CommandFailure;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Text;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.twilio.DomainCertificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The checks of check-bundle and of the upload, against what Twilio has now. */
final class ValidateBundle implements DemoStep {

    @Override
    public String title() {
        return "The bundle is validated, as ./certguard check-bundle and the upload function do";
    }

    @Override
    public List<String> run(DemoContext context) {
        DomainCertificate current = context.twilio().fetchCertificate(DemoContext.SID);
        ValidationContext checks = ValidationContext.of(DemoContext.HOST, context.now(),
                Duration.ofDays(AlarmThresholds.DEFAULT.first()));
        checks = current.dateExpires().map(checks::withCurrentTwilioExpiry).orElse(checks);
        BundleReport report = BundleValidator.validate(context.renewal().bundle(), checks);
        if (!(report instanceof BundleReport.Uploadable uploadable)) {
            throw new CommandFailure("the demo's renewed bundle was not uploadable: " + report.findings(),
                    ExitCode.FAILURE, null);
        }
        List<String> lines = new ArrayList<>();
        lines.add("uploadable for " + DemoContext.HOST + ": the chain leads to the root by signature, the key matches "
                + "the leaf, the leaf covers the host and is valid now");
        lines.add("newer than Twilio's certificate (expires "
                + current.dateExpires().map(Text::utc).orElse("unknown") + "), so it is no downgrade");
        for (Finding f : uploadable.findings()) {
            lines.add(f.severity() + " " + f.code() + ": " + f.message());
        }
        return lines;
    }

}
