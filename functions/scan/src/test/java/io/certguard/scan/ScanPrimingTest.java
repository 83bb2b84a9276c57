package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.OfflineAwsClients;
import java.net.InetAddress;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scan's SnapStart priming runs the whole scan path and reaches nobody: no host name is resolved (every call to
 * AWS or Twilio starts with one), the SDK's requests are answered in memory, and no thread it started survives into
 * the snapshot.
 */
class ScanPrimingTest {

    @Test
    void beforeCheckpoint_resolvesNoName_andLeavesNoThreadBehind() throws Exception {
        InetAddress.getByName("localhost"); // the resolver is installed by the JVM's first lookup
        assertThat(RecordingResolverProvider.LOOKUPS).as("recording resolver installed").contains("localhost");
        RecordingResolverProvider.LOOKUPS.clear();
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        ScanPriming.prime();
        ScanPriming.register().beforeCheckpoint(null);

        assertThat(RecordingResolverProvider.LOOKUPS).as("host names looked up while priming").isEmpty();
        Set<String> left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(Thread::isAlive).filter(t -> !virtualThreadScheduler(t)).map(Thread::getName)
                .collect(Collectors.toSet());
        assertThat(left).as("threads started by priming and still running").isEmpty();
    }

    /** The JDK's own threads behind virtual threads: started by the first virtual thread, whoever starts it. */
    private static boolean virtualThreadScheduler(Thread thread) {
        return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread")
                || thread.getName().equals("VirtualThread-unblocker");
    }

    @Test
    void theMadeUpDomain_goesThroughTheAlarmPaths_andItsRecordsAndAlarmsThroughTheAdapters_offline() throws Exception {
        try (OfflineAwsClients aws = new OfflineAwsClients()) {
            ScanSummary summary = ScanPriming.scanOnce(aws);

            // Twilio's certificate expires in 10 days and the served one (a JDK root) is for another name: two alarms.
            assertThat(summary.toJson()).containsEntry("checked", 1L).containsEntry("failed", 0L)
                    .containsEntry("alarmsPublished", 2);
            assertThat(summary.stateFailed()).isFalse();
            assertThat(aws.operations()).containsExactly("Publish", "Publish", "DynamoDB_20120810.Query",
                    "DynamoDB_20120810.PutItem", "DynamoDB_20120810.GetItem");
        }
    }
}
