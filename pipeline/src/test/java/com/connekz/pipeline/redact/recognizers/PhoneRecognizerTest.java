package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneRecognizerTest {
    private final PhoneRecognizer recognizer = new PhoneRecognizer();

    @Test
    void findsNzNumbersAsDialledAndInternationalNumbers() {
        assertThat(Found.texts(recognizer, "call 021 555 0199 or (09) 379 4561, UK +44 20 7946 0958"))
                .containsExactly("021 555 0199", "(09) 379 4561", "+44 20 7946 0958");
    }

    @Test
    void ignoresNumbersThatAreNotValidPhones() {
        assertThat(Found.texts(recognizer, "order 12345, total 1999.99, year 2024, IRD 49-091-850")).isEmpty();
        assertThat(Found.texts(recognizer, "my IRD number (49-091-850) and (12) 345 6789")).isEmpty();
        assertThat(Found.entities(recognizer, "code 000 000 0000"))
                .allSatisfy(entity -> assertThat(entity.score()).as("needs context").isLessThan(0.5));
    }

    @Test
    void countsNumbersDialledAsInNewZealandOrWithTheirCountryCodeEvenInUnallocatedRanges() {
        String text = "Customer Sophia (022 907 814, s@x.nz); Awhina (+64 27 852 764); Ruby, 027923142; Tama (+6427699383).";
        assertThat(Found.entities(recognizer, text))
                .allSatisfy(entity -> assertThat(entity.score()).as("no context needed").isGreaterThanOrEqualTo(0.5))
                .extracting(entity -> text.substring(entity.start(), entity.end()))
                .containsExactly("022 907 814", "+64 27 852 764", "027923142", "+6427699383");
    }

    @Test
    void datesAndNumbersWithoutATrunkPrefixStayBelowTheThreshold() {
        for (String text : new String[] {"on 03-05-2024 we met", "ref 01 234 5678 please", "batch 0123456789 done"}) {
            assertThat(Found.entities(recognizer, text)).as(text)
                    .allSatisfy(entity -> assertThat(entity.score()).isLessThan(0.5));
        }
    }

    @Test
    void readsOnlyTextAroundWhereADialledNumberCanStart() {
        assertThat(PhoneRecognizer.numberWindows("card 4111 1111 1111 1111, IRD 49-091-850 then 2024")).hasSize(2);
        assertThat(PhoneRecognizer.numberWindows("card 4111 1111 1111 1111 and 1999.99")).isEmpty();
        String text = "x".repeat(50) + " ring (09) 379 4561 ext 12 or " + "y".repeat(100) + " +44 20 7946 0958";
        int[] windows = PhoneRecognizer.numberWindows(text);
        assertThat(windows).hasSize(4);
        assertThat(text.substring(windows[0], windows[1])).contains("(09) 379 4561 ext 12");
        assertThat(text.substring(windows[2], windows[3])).endsWith("+44 20 7946 0958");
        assertThat(Found.texts(recognizer, text)).containsExactly("(09) 379 4561 ext 12", "+44 20 7946 0958");
        assertThat(Found.texts(recognizer, "ring 027 123 4567 or 4111 1111 1111 1111")).containsExactly("027 123 4567");
    }
}
