package com.connekz.pipeline.hashing;

import com.connekz.pipeline.config.HashKey;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * HMAC-SHA256 of identifiers under the run's secret key, as lowercase hex. The same value under the
 * same key always gives the same hash, so hashes join across tables; without the key they cannot be
 * reversed or recomputed (a plain hash of a user id could be).
 */
public final class KeyedHash implements Serializable {
    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] key;
    private transient Mac mac;

    public KeyedHash(HashKey key) {
        this.key = key.bytes().clone();
    }

    /** The hash of {@code value}, or null for null: a missing identifier stays missing. */
    public String of(String value) {
        if (value == null) {
            return null;
        }
        return HexFormat.of().formatHex(mac().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of several parts joined unambiguously (a length prefix per part). */
    public String ofParts(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            String text = part == null ? "" : part;
            joined.append(text.length()).append(':').append(text);
        }
        return of(joined.toString());
    }

    /** A Spark column holding the keyed hash of {@code value}. */
    public Column column(Column value) {
        return udf().apply(value);
    }

    private UserDefinedFunction udf() {
        return functions.udf((UDF1<String, String>) this::of, DataTypes.StringType).asNondeterministic().withName("keyed_hash");
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        }
        return mac;
    }
}
