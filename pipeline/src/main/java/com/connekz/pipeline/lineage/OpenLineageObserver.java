package com.connekz.pipeline.lineage;

import com.connekz.pipeline.run.CodeVersion;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.StageResult;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.Transport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits an OpenLineage START, COMPLETE or FAIL event for every stage of a run, through the
 * OpenLineage client and the configured transport. Lineage is a record of the run, not part of it:
 * an event that cannot be built or delivered is logged as a warning and the run goes on.
 */
public final class OpenLineageObserver implements RunObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenLineageObserver.class);

    private final OpenLineageClient client;
    private final StageEvents events;

    /** Sends events where {@code context}'s configuration says ({@code lineage.transport}). */
    public OpenLineageObserver(RunContext context) {
        this(LineageTransports.from(context));
    }

    /** Sends events through {@code transport}. */
    public OpenLineageObserver(Transport transport) {
        this.client = new OpenLineageClient(transport);
        this.events = new StageEvents(CodeVersion.current());
    }

    @Override
    public void started(RunContext context, String stage) {
        emit(stage, "START", () -> events.started(context, stage));
    }

    @Override
    public void completed(RunContext context, StageResult result) {
        emit(result.stage(), "COMPLETE", () -> events.completed(context, result));
    }

    @Override
    public void failed(RunContext context, String stage, String reason) {
        emit(stage, "FAIL", () -> events.failed(context, stage, reason));
    }

    private void emit(String stage, String type, Supplier<OpenLineage.RunEvent> event) {
        try {
            client.emit(event.get());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("lineage: {} event of stage {} not emitted: {}", type, stage, oneLine(e));
        }
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage().lines().findFirst().orElse("");
        return error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** Releases the transport (the HTTP client's connections). */
    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.warn("lineage: transport not closed cleanly: {}", oneLine(e));
        }
    }
}
