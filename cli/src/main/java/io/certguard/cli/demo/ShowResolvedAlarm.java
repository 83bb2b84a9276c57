package io.certguard.cli.demo;

import io.certguard.cli.CommandFailure;
import io.certguard.cli.ExitCode;
import io.certguard.cli.scan.AlarmPrinter;
import io.certguard.cli.scan.PublishedAlarm;
import java.util.List;

/** The alarm that closes the story: the certificate was replaced and is served. */
final class ShowResolvedAlarm implements DemoStep {

    @Override
    public String title() {
        return "The RESOLVED alarm: the certificate was replaced and is served";
    }

    @Override
    public List<String> run(DemoContext context) {
        PublishedAlarm alarm = context.alarms().published().stream()
                .filter(a -> a.attribute("alarm_type").equals("RESOLVED")).findFirst()
                .orElseThrow(() -> new CommandFailure("the demo's poll raised no RESOLVED alarm (alarms: "
                        + context.alarms().published().stream().map(a -> a.message().subject()).toList() + ")",
                        ExitCode.FAILURE, null));
        return AlarmPrinter.render(alarm.message()).lines().toList();
    }
}
