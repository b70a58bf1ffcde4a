package com.connekz.pipeline.tenancy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one check between rows and a tenant's table: the gold writer writes through it, and a
 * violation fails the run with nothing committed. (The build's fan-out of new and append-only
 * tables, {@code datasets.GoldFanOut}, needs no check: it sends each row to the table of its own
 * tenant value, so a row has no other table to reach.)
 */
public final class TenantGuard {
    private static final String MARKER = "TENANT_VIOLATION ";

    private TenantGuard() {}

    /**
     * Commits the rows through {@code commit} with the check inside the write's own plan: a row of
     * another tenant fails the write's tasks, so Delta never commits it, and the run fails with a
     * {@link TenantViolation} naming {@code table} and the offending tenant value. The rows are not
     * read before the write, so a table the write leaves alone costs nothing. A frame without a
     * {@code tenant} column violates at once.
     *
     * @param commit the write itself, e.g. {@code rows -> rows.write().format("delta").mode("append").save(path)}
     */
    public static void writeChecked(Dataset<Row> rows, Tenant tenant, String table, Consumer<Dataset<Row>> commit) {
        if (!Arrays.asList(rows.columns()).contains(Tenant.COLUMN)) {
            throw new TenantViolation(table, tenant, Set.of("<no tenant column>"));
        }
        Column asserted = when(not(tenant), raise_error(concat(lit(MARKER), coalesce(col(Tenant.COLUMN), lit("null")))))
                .otherwise(col(Tenant.COLUMN));
        try {
            commit.accept(rows.withColumn(Tenant.COLUMN, asserted));
        } catch (RuntimeException failure) {
            String offending = offendingTenantIn(failure);
            if (offending == null) {
                throw failure;
            }
            throw new TenantViolation(table, tenant, Set.of(offending));
        }
    }

    private static Column not(Tenant tenant) {
        return col(Tenant.COLUMN).eqNullSafe(lit(tenant.value())).equalTo(false);
    }

    private static String offendingTenantIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            int at = message == null ? -1 : message.indexOf(MARKER);
            if (at >= 0) {
                String rest = message.substring(at + MARKER.length());
                return rest.lines().findFirst().orElse(rest).split("[\\s\"']", 2)[0];
            }
        }
        return null;
    }
}
