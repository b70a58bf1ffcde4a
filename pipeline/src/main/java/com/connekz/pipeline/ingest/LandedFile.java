package com.connekz.pipeline.ingest;

import java.io.Serializable;

/**
 * One file in the landing zone. A file is identified by path, size and modification time, so a
 * file that is already ingested is skipped and one replaced by new content is read again.
 *
 * @param source the folder it landed in (a contract source, or an unknown one to refuse)
 * @param path   the fully qualified path (file: or s3a:)
 */
public record LandedFile(String source, String path, long size, long modifiedAt) implements Serializable {

    public boolean gzipped() {
        return path.endsWith(".gz");
    }
}
