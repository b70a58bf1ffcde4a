package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 addresses (each octet 0..255) and IPv6 addresses (full or {@code ::}-compressed). */
public final class IpAddressRecognizer implements Recognizer {
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,7}+(?::?[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6}+|:)(?![0-9A-Fa-f:])");

    @Override
    public String name() {
        return "ip_address";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.IP_ADDRESS);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        String text = view.text();
        if (text.indexOf('.') >= 0) {
            Matcher v4 = IPV4.matcher(text);
            while (v4.find()) {
                found.add(new Entity(EntityTypes.IP_ADDRESS, v4.start(), v4.end(), 0.9, name()));
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher v6 = IPV6.matcher(text);
            while (v6.find()) {
                if (isIpv6(v6.group())) {
                    found.add(new Entity(EntityTypes.IP_ADDRESS, v6.start(), v6.end(), 0.9, name()));
                }
            }
        }
    }

    /** Eight groups, or fewer with exactly one {@code ::}; rejects times like 12:30 and plain words. */
    static boolean isIpv6(String candidate) {
        int compressions = candidate.split("::", -1).length - 1;
        if (compressions > 1) {
            return false;
        }
        String[] groups = candidate.split(":", -1);
        int nonEmpty = 0;
        for (String group : groups) {
            if (!group.isEmpty()) {
                nonEmpty++;
            }
        }
        if (compressions == 0) {
            return groups.length == 8;
        }
        return nonEmpty >= 2 && nonEmpty <= 7;
    }
}
