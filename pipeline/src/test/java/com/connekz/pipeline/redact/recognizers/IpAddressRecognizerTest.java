package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressRecognizerTest {
    private final IpAddressRecognizer recognizer = new IpAddressRecognizer();

    @Test
    void findsIpv4AndIpv6() {
        assertThat(Found.texts(recognizer, "from 203.97.12.4 and 2001:db8:85a3::8a2e:370:7334 and fe80:0:0:0:0:0:0:1"))
                .containsExactly("203.97.12.4", "2001:db8:85a3::8a2e:370:7334", "fe80:0:0:0:0:0:0:1");
    }

    @Test
    void ignoresVersionsTimesAndOutOfRangeOctets() {
        assertThat(Found.texts(recognizer, "version 1.2.3, at 12:30:45, 999.1.1.1, 1.2.3.4.5")).isEmpty();
    }

    @Test
    void searchesForIpv4OnlyWhereADigitDotDigitAppears() {
        assertThat(IpAddressRecognizer.hasDigitDotDigit("Call me at 5. Then 6 .7")).isFalse();
        assertThat(IpAddressRecognizer.hasDigitDotDigit(".5 and 10.0")).isTrue();
        assertThat(Found.texts(recognizer, "Server 10.0.0.1.")).containsExactly("10.0.0.1");
    }
}
