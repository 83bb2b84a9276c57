package io.certguard.cli.demo;

import io.certguard.cli.CommandFailure;
import io.certguard.cli.ExitCode;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation poll follows the upload: Twilio validates it (the simulator reports it pending once, then promotes
 * it), the TLS endpoint starts serving the new leaf, and the poll sees it there: LIVE, with the RESOLVED alarm.
 */
final class PollValidation implements DemoStep {

    /** Polls after the host switched: one is enough, a few absorb a slower Twilio. */
    private static final int MAX_POLLS = 5;

    @Override
    public String title() {
        return "The validation poll follows it until the domain serves the new certificate";
    }

    @Override
    public List<String> run(DemoContext context) {
        List<String> lines = new ArrayList<>();
        UploadRecord first = poll(context, lines);
        // Twilio's edge picks up the validated certificate; here the loopback endpoint switches to it.
        var renewed = context.renewal().leaf();
        context.world().tls().serve(DemoContext.HOST, context.world().chain(renewed));
        lines.add("          " + DemoContext.HOST + " on 127.0.0.1:" + context.world().tls().port()
                + " now serves the renewed certificate");
        UploadRecord record = first;
        for (int i = 0; i < MAX_POLLS && record.status().polled(); i++) {
            record = poll(context, lines);
        }
        if (record.status() != UploadStatus.LIVE) {
            throw new CommandFailure("the demo's upload did not become LIVE (it is " + record.status() + ": "
                    + record.detail().orElse("") + ")", ExitCode.FAILURE, null);
        }
        return lines;
    }

    private static UploadRecord poll(DemoContext context, List<String> lines) {
        UploadRecord before = context.upload();
        var followed = context.poller().followNow(before.key(), context.now());
        UploadRecord after = context.uploader().find(before.domain(), before.versionId()).orElse(before);
        context.upload(after);
        lines.add("Poll " + after.polls() + "    " + after.status() + ": " + after.detail().orElse("")
                + (followed.problems().isEmpty() ? "" : " (" + String.join("; ", followed.problems()) + ")"));
        return after;
    }
}
