package io.certguard.bundle;

import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The leaf's chain as far as the bundle carries it, leaf first, and how it ends.
 *
 * @param path leaf, then each issuer; the last element is where the chain ends
 */
record Chain(List<ParsedCertificate> path, End end) {

    Chain {
        path = List.copyOf(path);
        Objects.requireNonNull(end, "end");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least the leaf");
        }
    }

    ParsedCertificate leaf() {
        return path.getFirst();
    }

    ParsedCertificate last() {
        return path.getLast();
    }

    /** How the chain ends. */
    sealed interface End {

        /** At a self-signed certificate (the root; the leaf itself when it is self-signed). */
        record Root() implements End {
        }

        /**
         * No certificate of the bundle, other than those already in the chain, issued the last certificate: its issuer
         * is missing.
         */
        record MissingIssuer(X500Principal issuer) implements End {
            public MissingIssuer {
                Objects.requireNonNull(issuer, "issuer");
            }
        }

        /** A certificate has the issuer's name but a different key: another CA generation. */
        record OtherKey(ParsedCertificate sameName) implements End {
            public OtherKey {
                Objects.requireNonNull(sameName, "sameName");
            }
        }

        /** The last certificate's signature does not verify with {@code signer} (itself for a broken root). */
        record BadSignature(ParsedCertificate signer) implements End {
            public BadSignature {
                Objects.requireNonNull(signer, "signer");
            }
        }
    }
}
