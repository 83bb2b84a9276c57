package io.certguard.cli.demo;

import io.certguard.cli.CommandFailure;
import io.certguard.cli.ExitCode;
import io.certguard.cli.scan.AlarmPrinter;
import io.certguard.cli.scan.PublishedAlarm;
import java.util.List;

/** The 30131 alarm the scan raised, as the email and SMS subscribers receive it. */
final class ShowExpiryAlarm implements DemoStep {

    @Override
    public String title() {
        return "The 30131 alarm, as email and SMS subscribers receive it";
    }

    @Override
    public List<String> run(DemoContext context) {
        PublishedAlarm alarm = context.alarms().published().stream()
                .filter(a -> a.attribute("error_code").equals("30131")).findFirst()
                .orElseThrow(() -> new CommandFailure("the demo's scan raised no 30131 alarm (alarms: "
                        + context.alarms().published().stream().map(a -> a.message().subject()).toList() + ")",
                        ExitCode.FAILURE, null));
        return AlarmPrinter.render(alarm.message()).lines().toList();
    }
}
