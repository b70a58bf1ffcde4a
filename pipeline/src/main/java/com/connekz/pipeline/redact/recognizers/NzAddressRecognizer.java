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
    private static final Pattern STREET = Pattern.compile(
            "(?<![\\w/])(?:(?:Unit|Flat|Apt) {1,2}\\d{1,4}[A-Za-z]?,? {1,2})?\\d{1,5}[A-Za-z]?(?:/\\d{1,5}[A-Za-z]?)?"
                    + " {1,2}(?:" + WORD + " {1,2}){1,4}" + STREET_TYPE + "\\.?(?![\\w])" + TAIL);
    private static final Pattern POST_BOX = Pattern.compile(
            "(?<![\\w])(?:P\\.? ?O\\.? {1,2}Box|Private Bag|PO Box) {1,2}\\d{1,6}" + TAIL, Pattern.CASE_INSENSITIVE);
    private static final Pattern RURAL_DELIVERY = Pattern.compile("(?<![\\w])RD {1,2}\\d{1,2}(?:,? {1,2}" + WORD
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
        String text = view.text();
        if (!PatternRecognizer.containsDigit(text)) {
            return;
        }
        add(STREET.matcher(text), 0.7, found);
        add(POST_BOX.matcher(text), 0.85, found);
        if (text.contains("RD")) {
            add(RURAL_DELIVERY.matcher(text), 0.6, found);
        }
    }

    private void add(Matcher match, double score, List<Entity> found) {
        while (match.find()) {
            int end = match.end();
            while (end > match.start() && (match.group().charAt(end - match.start() - 1) == ','
                    || match.group().charAt(end - match.start() - 1) == ' ')) {
                end--;
            }
            found.add(new Entity(EntityTypes.ADDRESS, match.start(), end, score, name()));
        }
    }
}
