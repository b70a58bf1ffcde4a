package com.connekz.pipeline.ingest;

import java.io.Serializable;

/**
 * The part of a landed file one task reads: whole lines from byte {@code start} up to byte
 * {@code end}, the first of them line {@code firstLine} of the file. A small or compressed file is
 * one slice, read to its end whatever its listed size.
 *
 * @param end one past the slice's last byte, or {@link #TO_THE_END}
 */
record LandedSlice(LandedFile file, long start, long end, long firstLine) implements Serializable {
    static final long TO_THE_END = Long.MAX_VALUE;

    static LandedSlice whole(LandedFile file) {
        return new LandedSlice(file, 0, TO_THE_END, 1);
    }

    long length() {
        return end == TO_THE_END ? TO_THE_END : end - start;
    }
}
