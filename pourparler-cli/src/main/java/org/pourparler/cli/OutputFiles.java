package org.pourparler.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one rule for every file a command writes: an existing file is replaced only with
 * {@code --force}, an input of the run never (even with {@code --force}), and a results folder is
 * written by one run at a time (a lock on {@value #LOCK} inside it, released when the run ends).
 */
final class OutputFiles {

    /** The lock file a run holds in the folder it writes into. */
    static final String LOCK = ".pourparler.lock";

    private OutputFiles() { }

    /**
     * Checks, before any work, that {@code file} may be written.
     *
     * @param option the option naming the file, for the message (e.g. "--trace")
     * @param inputs the files this run reads (the scenario, the specification)
     * @throws Main.UserException when the file exists and {@code force} is off, or it is one of the inputs
     */
    static void checkWritable(Path file, String option, boolean force, Path... inputs) throws Main.UserException {
        for (Path in : inputs) {
            if (in != null && sameFile(file, in)) {
                throw new Main.UserException(option + " " + Terminal.safe(file.toString()) + " is an input of this run ("
                        + Terminal.safe(in.toString()) + "): choose another file; --force never overwrites an input");
            }
        }
        if (Files.isDirectory(file)) {
            throw new Main.UserException(option + " " + Terminal.safe(file.toString()) + " is a folder: give a file name");
        }
        if (!force && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Main.UserException(option + " " + Terminal.safe(file.toString())
                    + " already exists: choose another file, or add --force to overwrite it");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // cannot tell: fall back to comparing the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A held folder lock; closing it releases the lock (the lock file stays, empty). */
    static final class FolderLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private FolderLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the operating system releases the lock when the process ends anyway
            }
        }
    }

    /**
     * Locks a results folder (creating it) for this run, so that two runs never write into one folder.
     *
     * @throws Main.UserException when another run holds the lock, or the folder cannot be created
     */
    static FolderLock lock(Path dir, String option) throws Main.UserException {
        Path file = dir.resolve(LOCK);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) return new FolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            // held by this very process (another command run in it)
        } catch (IOException e) {
            closeQuietly(channel);
            throw new Main.UserException("cannot write to " + option + " " + Terminal.safe(dir.toString()) + ": " + e.getMessage());
        }
        closeQuietly(channel);
        throw new Main.UserException(option + " " + Terminal.safe(dir.toString()) + " is in use by another run (it holds "
                + LOCK + "): wait for it to finish, or choose another folder");
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing was locked
        }
    }
}
