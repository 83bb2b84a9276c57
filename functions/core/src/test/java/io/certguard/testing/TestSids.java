package io.certguard.testing;

import io.certguard.domain.DomainSid;

/** Domain SIDs for tests that need many: {@code DN} and the number in 32 hex digits, so each number names one SID. */
public final class TestSids {

    private TestSids() {
    }

    public static DomainSid numbered(int n) {
        return new DomainSid("DN" + "%032x".formatted(n));
    }
}
