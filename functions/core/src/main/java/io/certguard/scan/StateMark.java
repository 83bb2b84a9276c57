package io.certguard.scan;

import java.time.Instant;

/**
 * What to remember once an alarm has been published. Marks are applied only after a successful publish, so an alarm
 * that failed to go out is decided again, and sent, on the next run: nothing is lost.
 */
public sealed interface StateMark {

    DomainState applyTo(DomainState state);

    record ThresholdSent(String certificate, int days) implements StateMark {
        @Override
        public DomainState applyTo(DomainState state) {
            return state.withCertificateAlarms(certificate, state.alarmsFor(certificate).withThreshold(days));
        }
    }

    record ExpiredNoticeSent(String certificate, Instant at) implements StateMark {
        @Override
        public DomainState applyTo(DomainState state) {
            return state.withCertificateAlarms(certificate, state.alarmsFor(certificate).withExpiredNotice(at));
        }
    }

    record RenewalResolved(String certificate) implements StateMark {
        @Override
        public DomainState applyTo(DomainState state) {
            return state.withCertificateAlarms(certificate, state.alarmsFor(certificate).withResolved());
        }
    }

    record ConditionSent(String key, Instant at) implements StateMark {
        @Override
        public DomainState applyTo(DomainState state) {
            return state.withCondition(key, at);
        }
    }

    record CheckFailedSent() implements StateMark {
        @Override
        public DomainState applyTo(DomainState state) {
            return state.withFailures(state.consecutiveFailures(), true);
        }
    }

    record ChecksRecovered() implements StateMark {
        @Override
        public DomainState applyTo(DomainState state) {
            return state.withFailures(state.consecutiveFailures(), false);
        }
    }
}
