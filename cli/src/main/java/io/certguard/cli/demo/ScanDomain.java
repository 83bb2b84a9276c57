package io.certguard.cli.demo;

import io.certguard.cli.scan.ScanView;
import io.certguard.scan.Deadline;
import io.certguard.scan.ScanSummary;
import java.util.List;

/** The scan function's run, as the daily schedule would start it. */
final class ScanDomain implements DemoStep {

    @Override
    public String title() {
        return "The daily scan: Twilio's certificate, the live TLS endpoint, CAA";
    }

    @Override
    public List<String> run(DemoContext context) {
        ScanSummary summary = context.scanner().scan(List.of(context.domain()), context.now(), Deadline.NONE);
        context.lastScan(summary);
        return ScanView.human(summary, context.alarms().published(), context.now()).lines().toList();
    }
}
