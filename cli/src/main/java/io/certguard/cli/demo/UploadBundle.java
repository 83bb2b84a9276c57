package io.certguard.cli.demo;

import io.certguard.cli.CommandFailure;
import io.certguard.cli.ExitCode;
import io.certguard.upload.BundleUpload;
import io.certguard.upload.UploadOutcome;
import io.certguard.upload.UploadRecord;
import java.util.List;

/** The upload use case posts the bundle to Twilio as TlsCert and records it for the validation poll. */
final class UploadBundle implements DemoStep {

    static final String VERSION = "demo-renewal-1";

    @Override
    public String title() {
        return "Uploaded to Twilio (TlsCert) and recorded for the validation poll";
    }

    @Override
    public List<String> run(DemoContext context) {
        UploadOutcome outcome = context.uploader().uploadBundle(new BundleUpload(DemoContext.SID, "the demo's bundle",
                VERSION, context.renewal().bundle(), false), context.now());
        if (!(outcome instanceof UploadOutcome.Uploaded uploaded) || !uploaded.posted()) {
            throw new CommandFailure("the demo's upload was not posted: " + outcome.toJson(), ExitCode.FAILURE, null);
        }
        UploadRecord record = uploaded.upload();
        context.upload(record);
        return List.of(
                "POST /v1/LinkShortening/Domains/" + DemoContext.SID + "/Certificate: accepted",
                "Recorded  " + record.status() + " with the leaf's SHA-256 and expiry, so the poll can tell when it is"
                        + " live (" + uploaded.findings().size() + " warning(s), as above)");
    }
}
