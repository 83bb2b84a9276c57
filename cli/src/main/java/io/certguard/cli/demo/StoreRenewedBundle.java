package io.certguard.cli.demo;

import io.certguard.bundle.BundleInput;
import io.certguard.cli.Text;
import io.certguard.testpki.KeyKind;
import io.certguard.tls.CertificateFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The renewal: the owner gets a new certificate (valid 90 days) from the CA and stores the bundle for certguard. */
final class StoreRenewedBundle implements DemoStep {

    static final Duration VALIDITY = Duration.ofDays(90);

    @Override
    public String title() {
        return "A renewed certificate, valid " + Text.days(VALIDITY.toDays()) + ", is stored as a new bundle";
    }

    @Override
    public List<String> run(DemoContext context) {
        Instant notAfter = context.now().truncatedTo(ChronoUnit.SECONDS).plus(VALIDITY).plus(Duration.ofHours(1));
        var leaf = context.world().issue(DemoContext.HOST, notAfter, KeyKind.RSA_2048);
        context.renewal(new DemoContext.Renewal(leaf, BundleInput.fromText(context.world().bundlePem(leaf))));
        return List.of(
                "Leaf      " + leaf.certificate().getSubjectX500Principal().getName() + ", from the test CA",
                "Expires   " + Text.utc(notAfter),
                "SHA-256   " + CertificateFingerprint.sha256(leaf.certificate()),
                "Stored    in memory: leaf, intermediate and private key (deployed: a new version of the secret "
                        + "certguard/" + DemoContext.HOST + ", which starts the upload function)");
    }
}
