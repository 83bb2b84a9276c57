package io.certguard.cli.demo;

import io.certguard.cli.Command;
import io.certguard.cli.CommandSpec;
import io.certguard.cli.ExitCode;
import io.certguard.cli.Invocation;
import io.certguard.cli.Output;
import io.certguard.cli.scan.ScanView;
import io.certguard.scan.ScanSummary;
import io.certguard.simulator.OfflineWorld;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** {@code demo}: certguard's main job, entirely offline, in a few seconds. */
public final class DemoCommand implements Command {

    private static final CommandSpec SPEC = new CommandSpec("demo",
            "See certguard work, offline: a certificate 10 days from expiry, the 30131 alarm, the renewal, RESOLVED",
            List.of("demo [--json]"),
            """
            Starts everything certguard talks to on loopback: a Twilio Link Shortening simulator, a TLS endpoint
            serving a certificate from a test CA that expires in 10 days, and a DNS responder. Keeps certguard's
            state in memory and shows alarms instead of publishing them. The story: the daily scan finds the
            certificate and raises the 30131 alarm; a renewed certificate is stored, validated, uploaded to the
            simulator, its validation polled until the endpoint serves it, and the RESOLVED alarm is sent. No AWS
            account, Twilio account or network is needed; nothing is left running afterwards.

            Exit status: 0 the story ran as expected, 4 it did not (the message says where).
            """,
            List.of(), 0, 0);

    private final Function<Clock, OfflineWorld> worlds;

    public DemoCommand() {
        this(OfflineWorld::start);
    }

    /**
     * The demo in a world the caller starts (and keeps a hold of: a test reads what the simulator received, such as the
     * renewed key, to prove that nothing printed contains it).
     */
    public DemoCommand(Function<Clock, OfflineWorld> worlds) {
        this.worlds = Objects.requireNonNull(worlds, "worlds");
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Invocation invocation) {
        Output output = invocation.output();
        List<DemoStep> steps = DemoStory.steps();
        if (!output.json()) {
            output.line("certguard demo: the whole loop on loopback, with a Twilio simulator, a test CA and state in memory");
        }
        List<String> titles = new ArrayList<>();
        try (DemoContext context = DemoContext.start(invocation.clock(), worlds)) {
            for (int i = 0; i < steps.size(); i++) {
                DemoStep step = steps.get(i);
                titles.add(step.title());
                if (output.json()) {
                    output.note("[" + (i + 1) + "/" + steps.size() + "] " + step.title());
                    step.run(context);
                } else {
                    output.line("");
                    output.line("[" + (i + 1) + "/" + steps.size() + "] " + step.title());
                    step.run(context).forEach(line -> output.line(line.isEmpty() ? "" : "    " + line));
                }
            }
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("steps", titles);
                ScanSummary scan = context.lastScan().orElseGet(() -> new ScanSummary(List.of()));
                json.putAll(ScanView.json(scan, context.alarms().published(), context.now()));
                output.document(json);
            }
        }
        return ExitCode.OK;
    }
}
