package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that can point at a person: ones with a path or query beyond the site's root (a profile,
 * a shared document, a link with an email in it). Bare site names are not personal and stay.
 */
public final class UrlRecognizer extends PatternRecognizer {
    private static final Pattern URL = Pattern.compile(
            "(?<![\\w/])(?:https?://|www\\.)[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?(/[^\\s<>\"'()\\[\\]]{0,2000}+)?");

    public UrlRecognizer() {
        super("url", EntityTypes.URL, URL);
    }

    @Override
    boolean mayMatch(String text) {
        return text.contains("http") || text.contains("www.");
    }

    @Override
    double score(Matcher match) {
        String path = match.group(1);
        if (path == null || path.length() <= 1) {
            return -1;
        }
        return 0.8;
    }

    @Override
    int end(Matcher match, int group, String text) {
        int end = match.end(group);
        while (end > match.start(group) && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
