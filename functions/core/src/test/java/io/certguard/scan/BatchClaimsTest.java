package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.state.StateRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final BatchClaims claims = new BatchClaims(store);
    private final ScanBatch batch = new ScanBatch("run-1", "4", List.of(ScanFakes.domain(1).sid()));

    @Test
    void theFirstDeliveryOwnsTheBatch_aDuplicateMeanwhileIsBusy_andAfterItIsDone() {
        BatchClaims.Claim first = claims.claim(batch, NOW, LEASE);
        BatchClaims.Claim meanwhile = claims.claim(batch, NOW.plusSeconds(5), LEASE);
        claims.done((BatchClaims.Claim.Owned) first);
        BatchClaims.Claim after = claims.claim(batch, NOW.plus(Duration.ofHours(2)), LEASE);

        assertThat(first).isInstanceOf(BatchClaims.Claim.Owned.class);
        assertThat(meanwhile).isEqualTo(new BatchClaims.Claim.Busy(NOW.plus(LEASE)));
        assertThat(after).isInstanceOf(BatchClaims.Claim.AlreadyDone.class);
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOver_andTheOldOwnerCannotMarkItDone() {
        BatchClaims.Claim.Owned crashed = (BatchClaims.Claim.Owned) claims.claim(batch, NOW, LEASE);

        BatchClaims.Claim takeover = claims.claim(batch, NOW.plus(LEASE), LEASE);
        claims.done(crashed);

        assertThat(takeover).isInstanceOf(BatchClaims.Claim.Owned.class);
        StateRecord stored = store.load(BatchClaims.key(batch)).orElseThrow();
        assertThat(stored.attribute(BatchClaims.STATUS)).contains(BatchClaims.IN_PROGRESS);
    }

    @Test
    void aReleasedClaimCanBeTakenAtOnce() {
        BatchClaims.Claim.Owned failed = (BatchClaims.Claim.Owned) claims.claim(batch, NOW, LEASE);

        claims.release(failed);

        assertThat(claims.claim(batch, NOW.plusSeconds(1), LEASE)).isInstanceOf(BatchClaims.Claim.Owned.class);
    }

    @Test
    void claimsExpireThroughTheTableTtl() {
        claims.claim(batch, NOW, LEASE);

        assertThat(store.load(BatchClaims.key(batch)).orElseThrow().expiresAt()).contains(NOW.plus(Duration.ofDays(7)));
    }
}
