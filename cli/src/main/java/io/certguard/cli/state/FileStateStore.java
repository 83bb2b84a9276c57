package io.certguard.cli.state;

import io.certguard.json.JsonFormatException;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.state.StateStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The state table in one local JSON file, for the command line: the same conditional saves and deletes as the
 * DynamoDB table (a save or delete succeeds only on the version read), so the scan's outbox keeps its promise across
 * runs and between concurrent runs.
 *
 * <p>Every change reads the file, checks the version and writes the whole file anew (a temporary file in the same
 * directory, flushed to disk, then renamed over the old one), under an exclusive lock on {@code FILE.lock} that other
 * certguard processes honour, and under a lock within this process. A reader never sees half a file, so reads take no
 * lock. Waiting for the lock is bounded by {@link #LOCK_WAIT}. A file that is not a state file is an error naming it,
 * never silently replaced.
 */
public final class FileStateStore implements StateStore {

    /** The longest wait for another run to finish its change. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration LOCK_POLL = Duration.ofMillis(20);
    private static final Comparator<RecordKey> ORDER = Comparator.comparing(RecordKey::partition)
            .thenComparing(RecordKey::sort);
    /** File locks belong to the process, so threads of one process take turns through these first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;

    public FileStateStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<StateRecord> load(RecordKey key) {
        return Optional.ofNullable(readAll().get(key));
    }

    @Override
    public List<StateRecord> loadPartition(String partition) {
        return readAll().values().stream().filter(r -> r.key().partition().equals(partition)).toList();
    }

    @Override
    public StateRecord save(StateRecord record) {
        return change(all -> {
            StateRecord current = all.get(record.key());
            if ((current == null ? 0 : current.version()) != record.version()) {
                throw new StaleRecordException(record.key(), record.version());
            }
            StateRecord saved = new StateRecord(record.key(), record.version() + 1, record.attributes(),
                    record.pollAt(), record.expiresAt());
            all.put(record.key(), saved);
            return saved;
        });
    }

    @Override
    public void delete(StateRecord record) {
        if (record.version() == 0) {
            throw new IllegalArgumentException("record " + record.key() + " was never stored (version 0)");
        }
        change(all -> {
            StateRecord current = all.get(record.key());
            if (current == null || current.version() != record.version()) {
                throw new StaleRecordException(record.key(), record.version());
            }
            return all.remove(record.key());
        });
    }

    @Override
    public List<StateRecord> dueForPoll(Instant now, int limit) {
        return readAll().values().stream()
                .filter(r -> r.pollAt().map(at -> !at.isAfter(now)).orElse(false))
                .sorted(Comparator.comparing(r -> r.pollAt().orElseThrow()))
                .limit(limit)
                .toList();
    }

    /** Applies {@code change} to the records read under the locks, and writes them when it returns normally. */
    private <T> T change(Function<TreeMap<RecordKey, StateRecord>, T> change) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        try {
            if (!local.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw locked();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("interrupted while waiting for the lock on " + file, e);
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lock(channel, deadline)) {
                TreeMap<RecordKey, StateRecord> all = readAll();
                T result = change.apply(all);
                writeAll(all);
                return result;
            }
        } catch (IOException e) {
            throw new StateStoreException("state file " + file + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private FileLock lock(FileChannel channel, long deadline) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw locked();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(LOCK_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateStoreException("interrupted while waiting for the lock on " + file, e);
            }
        }
    }

    private StateStoreException locked() {
        return new StateStoreException("state file " + file + " is being changed by another certguard process (waited "
                + LOCK_WAIT.toSeconds() + " s for " + lockFile.getFileName() + "); try again when it has finished",
                null);
    }

    private TreeMap<RecordKey, StateRecord> readAll() {
        TreeMap<RecordKey, StateRecord> all = new TreeMap<>(ORDER);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return all; // nothing stored yet
        } catch (IOException e) {
            throw new StateStoreException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
        try {
            for (StateRecord record : StateFileFormat.read(text)) {
                if (all.put(record.key(), record) != null) {
                    throw new JsonFormatException("record " + record.key() + " appears twice");
                }
            }
        } catch (JsonFormatException e) {
            throw new StateStoreException("state file " + file + " is not a certguard state file (" + e.getMessage()
                    + "); move it aside to start afresh (alarms already sent may then be sent again)", e);
        }
        return all;
    }

    private void writeAll(TreeMap<RecordKey, StateRecord> all) throws IOException {
        Path directory = file.getParent();
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(StateFileFormat.write(all.values()).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true); // the rename itself survives a crash
        } catch (IOException ignored) {
            // not every platform can open a directory; the rename is atomic all the same
        }
    }
}
