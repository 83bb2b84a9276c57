package io.certguard.bundle;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks the chain against time. A certificate is valid from notBefore through notAfter inclusive (RFC 5280
 * §4.1.2.5): at notAfter it is still valid, one second later it is expired.
 */
final class ValidityChecks {

    private ValidityChecks() {
    }

    static void check(Chain chain, ValidationContext context, List<Finding> findings) {
        Instant now = context.now();
        ParsedCertificate leaf = chain.leaf();
        for (ParsedCertificate c : chain.path()) {
            if (now.isAfter(c.notAfter())) {
                findings.add(Finding.about(FindingCode.EXPIRED, c, c.describe() + " expired at " + c.notAfter()
                        + (c == leaf ? "; renew it" : "; get the CA's current certificates for the chain")));
            } else if (now.isBefore(c.notBefore())) {
                findings.add(Finding.about(FindingCode.NOT_YET_VALID, c, c.describe() + " is not valid before "
                        + c.notBefore() + "; upload it after that"));
            } else if (c != leaf && c.notAfter().isBefore(leaf.notAfter())) {
                findings.add(Finding.about(FindingCode.INTERMEDIATE_EXPIRES_FIRST, c, "CA " + c.describe()
                        + " expires at " + c.notAfter() + ", before the leaf (" + leaf.notAfter() + "); the chain"
                        + " breaks then unless a bundle with the CA's newer certificates is uploaded before"));
            }
        }
        if (!now.isAfter(leaf.notAfter()) && !leaf.notAfter().isAfter(now.plus(context.firstAlarmThreshold()))) {
            findings.add(Finding.about(FindingCode.EXPIRES_SOON, leaf, leaf.describe() + " expires at "
                    + leaf.notAfter() + ", within the first alarm threshold (" + Describe.duration(
                            context.firstAlarmThreshold()) + "); certguard will alarm about it soon after the upload:"
                    + " renew it"));
        }
        context.currentTwilioExpiry().filter(current -> !leaf.notAfter().isAfter(current)).ifPresent(current -> {
            String message = leaf.describe() + " expires at " + leaf.notAfter() + ", no later than the certificate"
                    + " Twilio serves now (" + current + "); certguard does not replace a certificate with one that"
                    + " expires sooner or at the same time";
            findings.add(context.allowNotNewer()
                    ? new Finding(FindingCode.NOT_NEWER, Severity.WARNING, message + "; uploading it anyway, as the"
                            + " override asks", OptionalInt.of(leaf.index()))
                    : Finding.about(FindingCode.NOT_NEWER, leaf, message + " (override on the command line to upload"
                            + " it anyway)"));
        });
    }
}
