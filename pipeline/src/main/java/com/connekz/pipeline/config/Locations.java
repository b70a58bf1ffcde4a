package com.connekz.pipeline.config;

/** Tells local folders from object-store URIs, and joins paths under a root of either kind. */
public final class Locations {
    private Locations() {}

    public static boolean isObjectStore(String location) {
        return location.startsWith("s3a://") || location.startsWith("s3://");
    }

    /** A local path made absolute (against the working directory); URIs are returned as they are. */
    public static String absolute(String location) {
        if (location.contains("://")) {
            return location;
        }
        return java.nio.file.Path.of(location).toAbsolutePath().normalize().toString();
    }

    public static String join(String root, String... parts) {
        StringBuilder path = new StringBuilder(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        for (String part : parts) {
            path.append('/').append(part);
        }
        return path.toString();
    }
}
