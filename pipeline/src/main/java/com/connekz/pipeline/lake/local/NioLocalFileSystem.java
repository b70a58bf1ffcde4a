package com.connekz.pipeline.lake.local;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The {@code file:} file system of {@link org.apache.hadoop.fs.FileSystem} callers (Spark, Parquet,
 * Delta's data files): Hadoop's checksummed local file system over {@link NioRawLocalFileSystem}.
 * Set as {@code fs.file.impl}.
 */
public class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }
}
