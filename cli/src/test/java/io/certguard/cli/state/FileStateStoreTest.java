package io.certguard.cli.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.state.StateStoreException;
import io.certguard.testing.StateStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file keeps the DynamoDB table's promises (the contract), across processes and runs. */
class FileStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StateStore store() {
        return new FileStateStore(dir.resolve("nested/.certguard/state.json"));
    }

    @Test
    void recordsSurviveTheStore_asAnotherRunReadsThem() {
        Path file = dir.resolve("state.json");
        StateRecord saved = new FileStateStore(file).save(StateRecord.fresh(new RecordKey("DOMAIN#a", "STATE"),
                Map.of("pendingAlarms", "[{\"subject\":\"x\"}]")).withPollAt(Optional.of(NOW)));

        FileStateStore nextRun = new FileStateStore(file);

        assertThat(nextRun.load(saved.key())).contains(saved);
        assertThatThrownBy(() -> nextRun.save(StateRecord.fresh(saved.key(), Map.of())))
                .isInstanceOf(StaleRecordException.class);
    }

    @Test
    void twoStoresOnOneFile_race_andExactlyOneWins() {
        Path file = dir.resolve("state.json");
        FileStateStore one = new FileStateStore(file);
        FileStateStore two = new FileStateStore(file);
        StateRecord base = one.save(StateRecord.fresh(new RecordKey("p", "s"), Map.of("n", "0")));

        one.save(base.withAttributes(Map.of("n", "one")));

        assertThatThrownBy(() -> two.save(base.withAttributes(Map.of("n", "two"))))
                .isInstanceOf(StaleRecordException.class);
        assertThat(two.load(base.key()).orElseThrow().attribute("n")).contains("one");
    }

    @Test
    void writes_leaveNoTemporaryFiles_andTheFileIsOwnerOnly() throws IOException {
        Path file = dir.resolve("state.json");
        FileStateStore store = new FileStateStore(file);
        StateRecord first = store.save(StateRecord.fresh(new RecordKey("p", "s"), Map.of()));
        store.save(first);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json",
                    "state.json.lock");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("{\"format\":\"certguard-state/1\",\"records\":[");
    }

    @Test
    void aCorruptFile_isAnErrorNamingIt_neverReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("state.json"), "{\"format\":\"certguard-state/1\",\"records\":[{\"sec");
        FileStateStore store = new FileStateStore(file);

        assertThatThrownBy(() -> store.load(new RecordKey("p", "s"))).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("state file " + file + " is not a certguard state file")
                .hasMessageContaining("move it aside");
        assertThatThrownBy(() -> store.save(StateRecord.fresh(new RecordKey("p", "s"), Map.of())))
                .isInstanceOf(StateStoreException.class);
        assertThat(Files.readString(file)).endsWith("{\"sec");
    }

    @Test
    void anotherFormat_orMalformedRecords_areErrorsSayingWhat() throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"format\":\"something-else\",\"records\":[]}");
        Path badRecord = Files.writeString(dir.resolve("bad.json"),
                "{\"format\":\"certguard-state/1\",\"records\":[{\"partition\":\"p\",\"sort\":\"s\",\"version\":1.5,"
                        + "\"attributes\":{}}]}");
        String record = "{\"partition\":\"p\",\"sort\":\"s\",\"version\":1,\"attributes\":{}}";
        Path twice = Files.writeString(dir.resolve("twice.json"),
                "{\"format\":\"certguard-state/1\",\"records\":[" + record + "," + record + "]}");

        assertThatThrownBy(() -> new FileStateStore(other).loadPartition("p"))
                .hasMessageContaining("its format is not certguard-state/1");
        assertThatThrownBy(() -> new FileStateStore(badRecord).loadPartition("p"))
                .hasMessageContaining("record 0: member \"version\" is not a whole number");
        assertThatThrownBy(() -> new FileStateStore(twice).loadPartition("p")).hasMessageContaining("appears twice");
    }
}
