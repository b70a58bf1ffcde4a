package com.connekz.pipeline.tenancy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows bound for one tenant's table belong to another tenant. The message names the table and the
 * offending tenant values only, never row data.
 */
public final class TenantViolation extends RuntimeException {
    private final String table;
    private final Set<String> offendingTenants;

    public TenantViolation(String table, Tenant expected, Set<String> offendingTenants) {
        super("tenant violation: table " + table + " is for tenant " + expected
                + " but rows of tenant(s) " + new TreeSet<>(offendingTenants) + " were bound for it; nothing was committed");
        this.table = table;
        this.offendingTenants = Set.copyOf(offendingTenants);
    }

    public String table() {
        return table;
    }

    /** The tenant values found in the rows other than the table's ({@code null} for rows without one). */
    public List<String> offendingTenants() {
        return List.copyOf(new TreeSet<>(offendingTenants));
    }
}
