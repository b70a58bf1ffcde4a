package com.connekz.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The git commit the running code was built from, recorded with every run and dataset version. */
public final class CodeVersion {
    private static final String RESOURCE = "/connekz-build.properties";
    private static final String CURRENT = read();

    private CodeVersion() {}

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String commit = properties.getProperty("git.commit", "unknown").trim();
            return commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
