package io.certguard.cli.bundle;

import io.certguard.cli.CommandFailure;
import io.certguard.cli.UsageException;
import io.certguard.twilio.TlsCertPayload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a TlsCert payload (it holds the private key) to a file only its owner can read. The file is created with mode
 * 0600 from the start (a temporary file in the same directory, created with those permissions, then renamed over the
 * target), so the key is never readable by others, not even for a moment, and a reader never sees half a file.
 */
final class TlsCertFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TlsCertFile() {
    }

    /**
     * Checks, before any work, that {@code target} can be a file to write.
     *
     * @throws UsageException when the target is a directory or its directory does not exist
     */
    static void checkTarget(Path target) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UsageException("--write-tlscert " + target + " is a directory; name a file");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new UsageException("--write-tlscert " + target + ": directory " + directory + " does not exist");
        }
    }

    /**
     * @throws UsageException   when the target is a directory or its directory does not exist
     * @throws CommandFailure   when the file system cannot create an owner-only file or the write fails
     */
    static void write(Path target, TlsCertPayload payload) {
        checkTarget(target);
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException e) {
            throw CommandFailure.failed("cannot write " + target + ": this file system has no POSIX permissions, so a "
                    + "file readable only by you cannot be created there", e);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(payload.pem().getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the rename happened, or the write failed and the failure is already being reported
            }
        }
    }
}
