package com.connekz.pipeline.redact.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connekz.pipeline.redact.TextView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Trying only the positions near digits finds what a search of every position of the windows finds. */
class DigitAnchoredMatchesTest {
    private static final List<String> EDGES = List.of(
            "Unit  4, 12 Kauri Street, Ponsonby, Auckland 1011 and Flat 2B, 7/45 Te Awa Road",
            "Apt 3 5 Queen St then 12A Kauri Street RD 2 Upper Moutere 7173",
            "P. O.  Box  4521, Wellington 6140; PO Box 99 Napier; private bag 3020, Rotorua 3046",
            "RD  58 Upper Hutt 3560, RD 1 and RD1, 469 Davis Station St RD 58 Upper Hutt 3560",
            "12 34 56 Long Road 7 8 Short Lane, 123456 Main Street, 1/2/3 Kauri Street");

    @Test
    void streetAddressesAsAFullSearchOfTheWindowsFindsThem() {
        assertSameMatches(NzAddressRecognizer.STREET, NzAddressRecognizer.STREET_BEFORE_DIGITS);
    }

    @Test
    void postBoxesAsAFullSearchOfTheWindowsFindsThem() {
        assertSameMatches(NzAddressRecognizer.POST_BOX, NzAddressRecognizer.POST_BOX_BEFORE_DIGITS);
    }

    @Test
    void ruralDeliveriesAsAFullSearchOfTheWindowsFindsThem() {
        assertSameMatches(NzAddressRecognizer.RURAL_DELIVERY, NzAddressRecognizer.RURAL_DELIVERY_BEFORE_DIGITS);
    }

    @Test
    void aTextWithoutDigitsHasNoMatch() {
        assertEquals(List.of(), DigitAnchoredMatches.of(NzAddressRecognizer.POST_BOX, new TextView("PO Box, Napier"), 13));
    }

    private static void assertSameMatches(Pattern pattern, int before) {
        int found = 0;
        for (String text : texts()) {
            TextView view = new TextView(text);
            List<String> anchored = spans(DigitAnchoredMatches.of(pattern, view, before));
            assertEquals(spans(searchEveryPosition(pattern, view)), anchored, text);
            found += anchored.size();
        }
        assertTrue(found > 0, "something to compare");
    }

    private static List<MatchResult> searchEveryPosition(Pattern pattern, TextView view) {
        Matcher match = pattern.matcher(view.text()).useTransparentBounds(true).useAnchoringBounds(false);
        List<MatchResult> found = new ArrayList<>();
        int[] windows = view.digitWindows();
        for (int w = 0; w < windows.length; w += 2) {
            match.region(windows[w], windows[w + 1]);
            while (match.find()) {
                found.add(match.toMatchResult());
            }
        }
        return found;
    }

    private static List<String> spans(List<MatchResult> matches) {
        return matches.stream().map(match -> match.start() + "-" + match.end()).toList();
    }

    /** The edges, the canary's texts, and seeded mixes of both with digits, letters and commas between. */
    private static List<String> texts() {
        return ProbeTexts.of(EDGES, List.of(" ", ", ", "7 ", "Unit ", " 12 ", "RD ", "PO Box ", "\n"), 11);
    }
}
