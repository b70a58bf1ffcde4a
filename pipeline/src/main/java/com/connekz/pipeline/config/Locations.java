package com.connekz.pipeline.config;

/** Tells local folders from object-store URIs, and joins paths under a root of either kind. */
public final class Locations {
    private Locations() {}

    public static boolean isObjectStore(String location) {
        return location.startsWith("s3a://") || location.startsWith("s3://");
    }

    public static String join(String root, String... parts) {
        StringBuilder path = new StringBuilder(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        for (String part : parts) {
            path.append('/').append(part);
        }
        return path.toString();
    }
}
