package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social media handles: {@code @name} (Twitter/X, Instagram, TikTok, Slack) and Reddit's
 * {@code u/name}. A handle points at one account and so at one person, with or without a name in it.
 * The entity is the name alone, so "@kiri_w" reads "@&lt;USERNAME_1&gt;" once redacted. Not a handle:
 * the {@code @} inside an email address or a URL (a letter, digit, dot, slash or equals sign before
 * it, in any script), "@ 5" (a space after it), a name running on into letters no handle may hold
 * ("@Tāne"), and a time ("@2pm", "@10:30").
 */
public final class SocialHandleRecognizer extends PatternRecognizer {
    private static final Pattern HANDLE = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_@./=])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\\p{L}\\p{M}\\p{N}_@])"
                    + "|(?<![\\p{L}\\p{M}\\p{N}_/])/?u/([A-Za-z0-9_-]{3,20}+)(?![\\p{L}\\p{M}\\p{N}_-])");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}(?:[:.]\\d{2})?(?:am|pm)?|\\d+", Pattern.CASE_INSENSITIVE);

    public SocialHandleRecognizer() {
        super("social_handle", EntityTypes.USERNAME, HANDLE);
    }

    @Override
    boolean mayMatch(String text) {
        return text.indexOf('@') >= 0 || text.contains("u/");
    }

    @Override
    int spanGroup(Matcher match) {
        return match.group(1) != null ? 1 : 2;
    }

    @Override
    double score(Matcher match) {
        String handle = match.group(match.group(1) != null ? 1 : 2);
        return TIME.matcher(handle).matches() ? -1 : 0.85;
    }
}
