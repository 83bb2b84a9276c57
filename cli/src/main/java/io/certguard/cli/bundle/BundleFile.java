package io.certguard.cli.bundle;

import io.certguard.cli.CommandFailure;
import io.certguard.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a bundle file, bounded: a certificate bundle is a few kilobytes, so anything past 1 MiB is not one. */
final class BundleFile {

    static final int MAX_BYTES = 1 << 20;

    private BundleFile() {
    }

    /**
     * @throws UsageException when the file is missing, unreadable, a directory or too large
     */
    static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("cannot read " + file + ": it is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new UsageException(file + " is larger than 1 MiB; a certificate bundle is a few kilobytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
