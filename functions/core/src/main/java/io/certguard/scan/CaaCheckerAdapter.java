package io.certguard.scan;

import io.certguard.caa.CaaChecker;
import io.certguard.caa.CaaDecision;
import io.certguard.caa.CaaRecord;
import java.util.Objects;
import java.util.stream.Collectors;

/** The scan's view of {@link CaaChecker}'s decision for Let's Encrypt: a kind and one line for people. */
public final class CaaCheckerAdapter implements LetsEncryptCaa {

    private final CaaChecker checker;

    public CaaCheckerAdapter(CaaChecker checker) {
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    @Override
    public CaaStatus check(String host) {
        CaaDecision decision;
        try {
            decision = checker.check(host, false).decision();
        } catch (IllegalArgumentException e) {
            throw new CheckException("CAA not checked: " + e.getMessage(), e);
        }
        return switch (decision) {
            case CaaDecision.Permitted p -> new CaaStatus(CaaStatus.Kind.PERMITTED, p.caaRecordsFound()
                    ? "allowed by the CAA records at " + p.foundAt() + records(p.relevant())
                    : "no CAA records for " + host + " or its parents (any CA may issue)");
            case CaaDecision.Denied d -> new CaaStatus(CaaStatus.Kind.DENIED, "CAA records at " + d.foundAt()
                    + " do not allow letsencrypt.org: " + d.reason());
            case CaaDecision.Indeterminate i -> new CaaStatus(CaaStatus.Kind.INDETERMINATE, "CAA lookup of " + i.name()
                    + " failed (" + i.error() + "); Let's Encrypt refuses to issue until it succeeds");
        };
    }

    private static String records(java.util.List<CaaRecord> relevant) {
        return relevant.isEmpty() ? "" : ": " + relevant.stream().map(CaaRecord::toString).collect(Collectors.joining(", "));
    }
}
