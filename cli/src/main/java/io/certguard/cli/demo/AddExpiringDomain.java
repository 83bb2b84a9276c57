package io.certguard.cli.demo;

import io.certguard.cli.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/** The story's start: a customer-managed domain whose certificate expires in 10 days, at Twilio and on the wire. */
final class AddExpiringDomain implements DemoStep {

    @Override
    public String title() {
        return "A Link Shortening domain whose uploaded certificate expires in " + Text.days(DemoContext.DAYS_LEFT.toDays());
    }

    @Override
    public List<String> run(DemoContext context) {
        // An hour beyond the whole days, so the scan a moment later still counts them all.
        Instant notAfter = context.now().truncatedTo(ChronoUnit.SECONDS).plus(DemoContext.DAYS_LEFT)
                .plus(Duration.ofHours(1));
        context.world().addDomain(DemoContext.SID, DemoContext.HOST, notAfter, UnaryOperator.identity());
        return List.of(
                "Twilio simulator  " + context.world().twilio().baseUri() + "  (domain " + DemoContext.SID + ")",
                "TLS endpoint      " + DemoContext.HOST + " on 127.0.0.1:" + context.world().tls().port()
                        + ", serving a certificate from a test CA, valid until " + Text.utc(notAfter),
                "DNS responder     127.0.0.1:" + context.world().dns().address().getPort()
                        + "  (addresses and CAA records; no CAA record for the domain)",
                "State             in memory (the deployed functions use DynamoDB)");
    }
}
