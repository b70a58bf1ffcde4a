package com.connekz.pipeline.run;

/**
 * One step of the pipeline. A stage reads the lake, writes the lake, and reports what it did; it
 * either commits all of its outputs' new versions or throws before the one that would break a rule.
 */
public interface Stage {

    /** The stage's name as commands and reports use it. */
    String name();

    /** Runs the stage once and returns its figures; throws to fail the run. */
    StageResult run(RunContext context);
}
