package io.certguard.tls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict on a served chain for a host.
 *
 * @param problems       empty when the chain is good for the host; otherwise the first problem PKIX found with the path
 *                       (or why no path to a trust anchor exists), and a host name mismatch, if any
 * @param earliestExpiry present when PKIX validated the path (even if the host name does not match): the first
 *                       certificate on that path to expire; never an extra certificate the path does not use
 */
public record ChainVerification(List<VerificationProblem> problems, Optional<EarliestExpiry> earliestExpiry) {

    public ChainVerification {
        problems = List.copyOf(problems);
        Objects.requireNonNull(earliestExpiry, "earliestExpiry");
    }

    public boolean verified() {
        return problems.isEmpty();
    }

    /** All problems in one line, e.g. {@code expired: …; hostname mismatch: …}; empty when verified. */
    public Optional<String> error() {
        return verified() ? Optional.empty()
                : Optional.of(problems.stream().map(VerificationProblem::message).collect(Collectors.joining("; ")));
    }
}
