package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * New Zealand postal addresses: a street number and name with a street type ("12A Kauri Street",
 * "3/45 Te Awa Road"), optionally followed by suburb, city, {@code RD n} rural delivery and a
 * four-digit postcode; PO Boxes and Private Bags with their town and postcode.
 */
public final class NzAddressRecognizer implements Recognizer {
    private static final String WORD = "(?!RD\\b)[A-ZĀĒĪŌŪ][A-Za-zāēīōūĀĒĪŌŪ'’-]{1,24}";
    private static final String STREET_TYPE = "(?:Street|St|Road|Rd|Avenue|Ave|Place|Pl|Crescent|Cres|Drive|Dr|Lane|Ln"
            + "|Terrace|Tce|Way|Close|Grove|Parade|Highway|Hwy|Quay|Boulevard|Blvd|Court|Ct|Circle|Circuit|Crest|Mews"
            + "|Rise|Heights|Esplanade|Square|Track|Trail|Loop|Row|Glade|View|Green|Walk|Mall|Parkway|Ridge|Knoll|Island"
            + "|Junction|Manor|Meadow|Pass|Plaza|Run|Summit|Hill|Estate|Station)";
    private static final String TAIL = "(?:,? {1,2}" + WORD + "(?: " + WORD + "){0,2}){0,3}"
            + "(?:,? {1,2}RD {1,2}\\d{1,2})?(?:,? {1,2}" + WORD + "(?: " + WORD + "){0,2})?(?:,? {1,2}\\d{4}(?!\\d))?";
    /** "Unit  " before the first digit of "Unit  4, 12 Kauri Street". */
    static final int STREET_BEFORE_DIGITS = 6;
    /** "Private Bag  " or "P. O.  Box  " before the box number. */
    static final int POST_BOX_BEFORE_DIGITS = 13;
    /** "RD  " before the delivery number. */
    static final int RURAL_DELIVERY_BEFORE_DIGITS = 4;
    static final Pattern STREET = Pattern.compile(
            "(?<![\\w/])(?:(?:Unit|Flat|Apt) {1,2}\\d{1,4}[A-Za-z]?,? {1,2})?\\d{1,5}[A-Za-z]?(?:/\\d{1,5}[A-Za-z]?)?"
                    + " {1,2}(?:" + WORD + " {1,2}){1,4}" + STREET_TYPE + "\\.?(?![\\w])" + TAIL);
    static final Pattern POST_BOX = Pattern.compile(
            "(?<![\\w])(?:P\\.? ?O\\.? {1,2}Box|Private Bag|PO Box) {1,2}\\d{1,6}" + TAIL, Pattern.CASE_INSENSITIVE);
    static final Pattern RURAL_DELIVERY = Pattern.compile("(?<![\\w])RD {1,2}\\d{1,2}(?:,? {1,2}" + WORD
            + "(?: " + WORD + "){0,2})?(?:,? {1,2}\\d{4})?(?!\\d)");

    @Override
    public String name() {
        return "nz_address";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.ADDRESS);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        add(DigitAnchoredMatches.of(STREET, view, STREET_BEFORE_DIGITS), 0.9, found);
        add(DigitAnchoredMatches.of(POST_BOX, view, POST_BOX_BEFORE_DIGITS), 0.85, found);
        if (view.text().contains("RD")) {
            add(DigitAnchoredMatches.of(RURAL_DELIVERY, view, RURAL_DELIVERY_BEFORE_DIGITS), 0.6, found);
        }
    }

    private void add(List<MatchResult> matches, double score, List<Entity> found) {
        for (MatchResult match : matches) {
            String matched = match.group();
            int end = matched.length();
            while (end > 0 && (matched.charAt(end - 1) == ',' || matched.charAt(end - 1) == ' ')) {
                end--;
            }
            if (end > 0) {
                found.add(new Entity(EntityTypes.ADDRESS, match.start(), match.start() + end, score, name()));
            }
        }
    }
}
