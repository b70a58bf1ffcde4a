package com.connekz.pipeline.lake.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's raw local file system, with the two calls that start a process made through
 * {@code java.nio} instead. Without Hadoop's native library (which no Maven artifact ships),
 * {@link RawLocalFileSystem} runs {@code chmod} for every file and folder it creates and
 * {@code readlink} for every link check; a Delta commit does several of each, and one nightly run
 * on a local lake started about 23,000 processes. Everything else is Hadoop's own code.
 */
public class NioRawLocalFileSystem extends RawLocalFileSystem {
    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    /** The owner, group and other bits of {@code permission} (no sticky bit: a lake's folders need none). */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
        short mode = permission.toShort();
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                bits.add(BY_BIT[bit]);
            }
        }
        return bits;
    }

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
    }

    /** As Hadoop's, but a path that is no symbolic link is told apart without running {@code readlink}. */
    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
        if (Files.isSymbolicLink(pathToFile(path).toPath())) {
            return super.getFileLinkStatus(path);
        }
        return getFileStatus(path);
    }
}
