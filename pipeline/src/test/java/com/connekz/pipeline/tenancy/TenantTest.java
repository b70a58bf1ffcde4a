package com.connekz.pipeline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantTest {
    @Test
    void eachTenantHasItsOwnDatasetName() {
        assertThat(Tenant.assistant().datasetName()).isEqualTo("assistant");
        assertThat(Tenant.instance("i-9").value()).isEqualTo("instance:i-9");
        assertThat(Tenant.instance("i-9").datasetName()).isEqualTo("instances/i-9");
        assertThat(Tenant.ofDataset("instances/i-9")).isEqualTo(Tenant.instance("i-9"));
        assertThat(Tenant.ofDataset("assistant")).isEqualTo(Tenant.assistant());
    }

    @Test
    void refusesValuesThatNameNoTenant() {
        assertThatThrownBy(() -> new Tenant("instance:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tenant("assistants")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tenant.ofDataset("instances/a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
