package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NzAddressRecognizerTest {
    private final NzAddressRecognizer recognizer = new NzAddressRecognizer();

    @Test
    void findsStreetAddressesWithSuburbCityAndPostcode() {
        assertThat(Found.texts(recognizer, "I live at 12A Kauri Street, Te Aro, Wellington 6011."))
                .containsExactly("12A Kauri Street, Te Aro, Wellington 6011");
        assertThat(Found.texts(recognizer, "send to 3/45 Te Awa Road, Hamilton")).containsExactly("3/45 Te Awa Road, Hamilton");
    }

    @Test
    void findsRuralDeliveryAndPostBoxes() {
        assertThat(Found.texts(recognizer, "at 120 Smith Road RD 2 Hastings 4172")).contains("120 Smith Road RD 2 Hastings 4172");
        assertThat(Found.texts(recognizer, "PO Box 4521, Auckland 1140")).containsExactly("PO Box 4521, Auckland 1140");
    }

    @Test
    void ignoresNumbersBeforeOrdinaryWords() {
        assertThat(Found.texts(recognizer, "I have 3 dogs and 2 Cats, we walked 5 km down the road")).isEmpty();
    }
}
