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
        if (hasDigitDotDigit(text)) {
            Matcher v4 = IPV4.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            int[] windows = view.digitWindows();
            for (int w = 0; w < windows.length; w += 2) {
                v4.region(windows[w], windows[w + 1]);
                while (v4.find()) {
                    found.add(new Entity(EntityTypes.IP_ADDRESS, v4.start(), v4.end(), 0.9, name()));
                }
            }
        }
        if (text.contains("::") || text.indexOf(':') >= 0 && colons(text) >= 7) {
            Matcher v6 = IPV6.matcher(text);
            while (v6.find()) {
                if (isIpv6(v6.group())) {
                    found.add(new Entity(EntityTypes.IP_ADDRESS, v6.start(), v6.end(), 0.9, name()));
                }
            }
        }
    }

    /** Every IPv4 address holds a digit, a dot and a digit in a row; most text with a full stop does not. */
    static boolean hasDigitDotDigit(String text) {
        for (int dot = text.indexOf('.', 1); dot > 0 && dot < text.length() - 1; dot = text.indexOf('.', dot + 1)) {
            if (isDigit(text.charAt(dot - 1)) && isDigit(text.charAt(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int colons(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < 7; i++) {
            if (text.charAt(i) == ':') {
                count++;
            }
        }
        return count;
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
