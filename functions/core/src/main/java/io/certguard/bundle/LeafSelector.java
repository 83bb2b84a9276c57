package io.certguard.bundle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which certificate is the leaf. The private key decides first: the leaf is the certificate the key belongs
 * to, so a second server certificate in the bundle is merely unrelated. Without a matching key, the leaf is the
 * certificate that issued no other certificate of the bundle, preferring non-CA certificates; but not when a
 * certificate block could not be read, as the leaf is then most likely that block, and a guess would blame the
 * intermediate for the leaf's faults.
 */
final class LeafSelector {

    /** The outcome. */
    sealed interface Choice {

        record Chosen(ParsedCertificate leaf) implements Choice {
            public Chosen {
                Objects.requireNonNull(leaf, "leaf");
            }
        }

        /** Several certificates could be the leaf; a MULTIPLE_LEAVES finding says which. */
        record Undecided() implements Choice {
        }
    }

    private LeafSelector() {
    }

    static Choice choose(List<ParsedCertificate> certificates, boolean someUnread, Optional<PrivateKeyMaterial> key,
                         IssuerGraph graph, String host, List<Finding> findings) {
        if (key.isPresent()) {
            KeyPairing pairing = KeyPairing.of(key.get().key());
            List<ParsedCertificate> matching = certificates.stream().filter(c -> pairing.belongsTo(c.certificate())).toList();
            if (matching.size() == 1) {
                return new Choice.Chosen(matching.getFirst());
            }
            if (matching.size() > 1) {
                findings.add(Finding.of(FindingCode.MULTIPLE_LEAVES, Describe.certificates(matching)
                        + " carry the private key's public key; keep only the one to upload"));
                return new Choice.Undecided();
            }
        }
        if (someUnread) {
            return new Choice.Undecided(); // PEM_MALFORMED already says what to fix
        }
        Choice choice = byStructure(certificates, graph, host, findings);
        if (key.isPresent()) {
            findings.add(Finding.of(FindingCode.KEY_MISMATCH, switch (choice) {
                case Choice.Chosen chosen -> "the private key does not belong to " + chosen.leaf().describe()
                        + "; upload the key that was generated with this certificate's signing request";
                case Choice.Undecided undecided -> "the private key belongs to none of the " + certificates.size()
                        + " certificates; upload the key that was generated with the leaf certificate's signing request";
            }));
        }
        return choice;
    }

    private static Choice byStructure(List<ParsedCertificate> certificates, IssuerGraph graph, String host,
                                      List<Finding> findings) {
        List<ParsedCertificate> ends = certificates.stream().filter(c -> !graph.issuesAnother(c)).toList();
        List<ParsedCertificate> nonCa = ends.stream().filter(c -> !c.isCa()).toList();
        List<ParsedCertificate> candidates = nonCa.isEmpty() ? ends : nonCa;
        if (candidates.isEmpty()) {
            return new Choice.Chosen(certificates.getFirst()); // every certificate issued another: a loop
        }
        if (candidates.size() == 1) {
            return new Choice.Chosen(candidates.getFirst());
        }
        findings.add(Finding.of(FindingCode.MULTIPLE_LEAVES, Describe.certificates(candidates)
                + " could each be the leaf (none issued another certificate of the bundle) and the private key does"
                + " not pick one; keep only the certificate for " + host));
        return new Choice.Undecided();
    }
}
