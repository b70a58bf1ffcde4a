package com.connekz.pipeline.redact.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.TextView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A recognizer that searches only near digits must find exactly what a search of the whole text
 * finds: its reach may not cut off any match its pattern can make.
 */
class DigitReachTest {
    /** Each pattern's longest stretches: letters before digits, wide gaps between them, letters after. */
    private static final List<String> EDGES = List.of(
            "born 12th of September, 1987 and on September 12th, 1987", "DOB 12 Sept 1987, 1987-09-12, 12/09/87",
            "IBAN GB82 WEST 1234 5698 7654 32 or GB82WEST12345698765432, DE89 3704 0044 0532 0130 00",
            "NHI ZZZ0016 and ZAC5361, new format ZZZ00AX or ZAA00AF", "passport LA123456, A1234567, licence DL123456",
            "card 4111 1111 1111 1111, 4111-1111-1111-1111, 5500005555555559",
            "IRD 49-091-850, 49 091 850, 049091850, 136-410-132", "SSN 123-45-6789 or 078 05 1120",
            "account 12-3140-0171323-13, 01 0902 0068389 00, 123140017132313", "NZBN 9429041234567 and 9429000000000");

    static Stream<PatternRecognizer> narrowed() {
        return Stream.of(new CreditCardRecognizer(), new DateOfBirthRecognizer(), new IbanRecognizer(),
                new IrdRecognizer(), new NhiRecognizer(), new NzBankAccountRecognizer(), new NzDriverLicenceRecognizer(),
                new NzPassportRecognizer(), new NzbnRecognizer(), new UsSsnRecognizer());
    }

    @ParameterizedTest
    @MethodSource("narrowed")
    void findsNearDigitsWhatItFindsInTheWholeText(PatternRecognizer recognizer) {
        assertTrue(recognizer.digitReach() != null, recognizer.name() + " searches near digits");
        int found = 0;
        for (String text : texts()) {
            List<Entity> narrow = find(recognizer, text, recognizer.digitReach());
            assertEquals(find(recognizer, text, null), narrow, recognizer.name() + " in: " + text);
            found += narrow.size();
        }
        assertTrue(found > 0, recognizer.name() + " found something to compare");
    }

    @Test
    void aReachIsNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> new DigitReach(-1, 0));
    }

    private static List<Entity> find(PatternRecognizer recognizer, String text, DigitReach reach) {
        List<Entity> found = new ArrayList<>();
        recognizer.recognize(new TextView(text), reach, found);
        return found;
    }

    /** The edges, the canary's texts, and seeded mixes of both with digits, letters and dashes between. */
    private static List<String> texts() {
        return ProbeTexts.of(EDGES, List.of(" ", "-", "7", "x", "Ab", " 12 ", ", ", "/", "\n"), 7);
    }
}
