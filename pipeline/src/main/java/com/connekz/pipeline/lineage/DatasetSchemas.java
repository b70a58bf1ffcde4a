package com.connekz.pipeline.lineage;

import com.connekz.pipeline.lake.DeltaTables;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema facets of Delta tables, read from the table's log at the version a stage used. */
final class DatasetSchemas {
    private final SparkSession spark;
    private final OpenLineage openLineage;

    DatasetSchemas(SparkSession spark, OpenLineage openLineage) {
        this.spark = spark;
        this.openLineage = openLineage;
    }

    /**
     * The table's schema at {@code version}, or empty when there is no such table or version (or it
     * cannot be read): a missing schema facet must not cost the event.
     */
    Optional<OpenLineage.SchemaDatasetFacet> at(String tablePath, long version) {
        try {
            if (!DeltaTables.exists(spark, tablePath)) {
                return Optional.empty();
            }
            StructType schema = spark.read().format("delta").option("versionAsOf", version).load(tablePath).schema();
            return Optional.of(openLineage.newSchemaDatasetFacet(fields(schema)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private List<SchemaDatasetFacetFields> fields(StructType struct) {
        List<SchemaDatasetFacetFields> fields = new ArrayList<>();
        for (StructField field : struct.fields()) {
            var builder = openLineage.newSchemaDatasetFacetFieldsBuilder().name(field.name());
            if (field.dataType() instanceof StructType nested) {
                builder.type("struct").fields(fields(nested));
            } else {
                builder.type(field.dataType().simpleString());
            }
            fields.add(builder.build());
        }
        return fields;
    }
}
