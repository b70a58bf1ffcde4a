package com.connekz.pipeline.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {
    private static final StructType ROWS = new StructType()
            .add(GoldSchema.EXAMPLE_ID, DataTypes.StringType)
            .add(GoldSchema.CONTENT_HASH, DataTypes.StringType)
            .add(GoldSchema.TENANT, DataTypes.StringType);

    private static Map<String, ContentFingerprint> of(Row... rows) {
        Dataset<Row> examples = SharedSpark.session().createDataFrame(List.of(rows), ROWS);
        return ContentFingerprint.perTenant(examples);
    }

    @Test
    void isTheSameForTheSameExamplesInAnyOrder() {
        assertThat(of(RowFactory.create("e1", "h1", "t"), RowFactory.create("e2", "h2", "t")))
                .isEqualTo(of(RowFactory.create("e2", "h2", "t"), RowFactory.create("e1", "h1", "t")));
    }

    @Test
    void changesWithOneExamplesContentOrWithAnExampleMore() {
        ContentFingerprint before = of(RowFactory.create("e1", "h1", "t"), RowFactory.create("e2", "h2", "t")).get("t");

        assertThat(of(RowFactory.create("e1", "h1", "t"), RowFactory.create("e2", "other", "t")).get("t")).isNotEqualTo(before);
        assertThat(of(RowFactory.create("e1", "h1", "t"), RowFactory.create("e2", "h2", "t"),
                RowFactory.create("e3", "h3", "t")).get("t")).isNotEqualTo(before);
    }

    @Test
    void keepsTenantsApartAndCountsANullTenant() {
        Map<String, ContentFingerprint> fingerprints = of(RowFactory.create("e1", "h1", "a"),
                RowFactory.create("e2", "h2", null), RowFactory.create("e3", "h3", "b"), RowFactory.create("e4", "h4", "b"));

        assertThat(fingerprints.get("a").examples()).isEqualTo(1);
        assertThat(fingerprints.get("b").examples()).isEqualTo(2);
        assertThat(fingerprints.get(null).examples()).isEqualTo(1);
    }

    @Test
    void readsBackWhatItWrites() {
        ContentFingerprint fingerprint = new ContentFingerprint(12, -5L, Long.MAX_VALUE);

        assertThat(ContentFingerprint.parse(fingerprint.toString())).isEqualTo(fingerprint);
        assertThat(ContentFingerprint.parse(null)).isNull();
        assertThat(ContentFingerprint.parse("12:zz:1")).isNull();
        assertThat(ContentFingerprint.parse("run-1")).isNull();
    }
}
