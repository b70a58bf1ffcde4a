package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials pasted into text: cloud access keys (AWS, Google), private key blocks, JWTs, bearer
 * tokens, well-known API token formats, and the value after {@code password:} and its kin.
 * Where a pattern has a group, only the group (the secret itself) is the entity.
 */
public final class SecretRecognizer implements Recognizer {
    private record Shape(Pattern pattern, double score) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape(Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}(?![A-Z0-9])"), 0.95),
            new Shape(Pattern.compile("(?i:aws_?secret_?access_?key|secret_?access_?key)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"), 0.95),
            new Shape(Pattern.compile("(?<![\\w-])AIza[0-9A-Za-z_-]{35}(?![\\w-])"), 0.95),
            new Shape(Pattern.compile("-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[A-Za-z0-9+/=\\s:,-]{0,20000}+(?:-----END [A-Z ]{0,20}PRIVATE KEY-----)?"), 1.0),
            new Shape(Pattern.compile("(?<![\\w-])eyJ[A-Za-z0-9_-]{5,4000}+\\.eyJ[A-Za-z0-9_-]{5,8000}+\\.[A-Za-z0-9_-]{10,2000}+"), 0.95),
            new Shape(Pattern.compile("(?i:bearer)\\s{1,3}([A-Za-z0-9._~+/=-]{16,4000}+)"), 0.9),
            new Shape(Pattern.compile("(?<![\\w-])(?:sk|pk|rk)[-_](?:live[-_]|test[-_]|proj[-_])?[A-Za-z0-9_-]{20,200}+"), 0.9),
            new Shape(Pattern.compile("(?<!\\w)(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}+|github_pat_[A-Za-z0-9_]{22,255}+"), 0.95),
            new Shape(Pattern.compile("(?<!\\w)xox[abprs]-[A-Za-z0-9-]{10,200}+"), 0.95),
            new Shape(Pattern.compile("(?i:password|passwd|pwd|passcode|passphrase|api[_ -]?key|secret[_ ]?key|access[_ ]?token|auth[_ ]?token|client[_ ]?secret)"
                    + "[\"']?(?:\\s{0,3}[:=]\\s{0,3}| is:? {1,3})[\"']?([^\\s\"',;]{3,200}+)"), 0.85));

    @Override
    public String name() {
        return "secret";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.SECRET);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        String text = view.text();
        for (Shape shape : SHAPES) {
            Matcher match = shape.pattern().matcher(text);
            while (match.find()) {
                int group = match.groupCount() >= 1 && match.start(1) >= 0 ? 1 : 0;
                found.add(new Entity(EntityTypes.SECRET, match.start(group), match.end(group), shape.score(), name()));
            }
        }
    }
}
