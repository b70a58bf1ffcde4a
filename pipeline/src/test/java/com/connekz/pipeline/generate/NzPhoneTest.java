package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NzPhoneTest {

    @Test
    void everyWrittenFormKeepsTheSameDigits() {
        NzPhone phone = new NzPhone("021", "5550199");
        SplittableRandom random = new SplittableRandom(3);
        Set<String> forms = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String written = phone.written(random);
            forms.add(written);
            String digits = written.replaceAll("\\D", "");
            String national = digits.startsWith("0064") ? "0" + digits.substring(4)
                    : digits.startsWith("640") ? digits.substring(2)
                    : digits.startsWith("64") ? "0" + digits.substring(2) : digits;
            assertThat(national).as(written).isEqualTo("0215550199");
        }
        assertThat(forms).contains("021 555 0199", "+64 21 555 0199", "(021) 555 0199", "+64215550199");
    }

    @Test
    void spokenFormSpellsEveryDigitAsSpeechRecognitionDoes() {
        NzPhone phone = new NzPhone("021", "5550199");
        SplittableRandom random = new SplittableRandom(5);
        Set<String> forms = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String spoken = phone.spoken(random);
            forms.add(spoken);
            assertThat(spoken).doesNotContainPattern("\\d");
            String digits = spoken.replace(",", "").replace("plus six four", "zero")
                    .replace("oh", "zero").replace("zero", "0").replace("one", "1").replace("two", "2")
                    .replace("five", "5").replace("nine", "9").replace(" ", "");
            assertThat(digits).as(spoken).isEqualTo("0215550199");
        }
        assertThat(forms).contains("oh two one five five five, zero one nine nine");
    }
}
