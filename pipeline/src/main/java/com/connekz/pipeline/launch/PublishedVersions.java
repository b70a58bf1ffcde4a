package com.connekz.pipeline.launch;

import java.util.Optional;
import java.util.OptionalLong;

/** The published versions of the gold datasets and their audit verdicts, as a training launch sees them. */
public interface PublishedVersions {

    /**
     * The version {@code version} of dataset {@code dataset}, or its latest version when
     * {@code version} is empty; empty when there is no such dataset or version.
     */
    Optional<PublishedVersion> find(String dataset, OptionalLong version);
}
