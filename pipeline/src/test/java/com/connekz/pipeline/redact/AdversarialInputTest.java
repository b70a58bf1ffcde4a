package com.connekz.pipeline.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.testing.TestEngines;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs built to make regular expressions backtrack. This guards against blow-ups, not speed:
 * four times the input must cost about four times the work, far from the 16x of quadratic
 * behaviour, with generous slack for a shared machine (speed itself is measured by the benchmark).
 */
class AdversarialInputTest {
    private static final int KB = 1 << 10;
    private static final double MAX_RATIO = 9.0;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("long digit run", (IntFunction<String>) size -> repeat("1234567890", size)),
                Arguments.of("repeated a@a.", (IntFunction<String>) size -> repeat("a@a.", size)),
                Arguments.of("nested separators", (IntFunction<String>) size -> repeat("1-2 3/4.5:6-", size)),
                Arguments.of("digit groups", (IntFunction<String>) size -> repeat("021 555 ", size)),
                Arguments.of("hex and colons", (IntFunction<String>) size -> repeat("ab12:", size)),
                Arguments.of("names and secrets", (IntFunction<String>) size -> repeat("Aroha Smith Street password: eyJabc.", size)),
                Arguments.of("url path", (IntFunction<String>) size -> "https://x.co/" + repeat("a/b?", size)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void fourTimesTheInputCostsAboutFourTimesTheWork(String shape, IntFunction<String> build) {
        String small = build.apply(64 * KB);
        String large = build.apply(256 * KB);
        TestEngines.SHIPPED.analyze(small);
        long smallNanos = bestOf(small);
        long largeNanos = bestOf(large);
        double ratio = (double) largeNanos / Math.max(smallNanos, 1_000_000L);
        System.out.printf("%-18s 64 KB %6.0f ms, 256 KB %6.0f ms, ratio %.2f%n", shape, smallNanos / 1e6, largeNanos / 1e6, ratio);
        assertThat(ratio).as(shape).isLessThan(MAX_RATIO);
    }

    private static long bestOf(String text) {
        long best = Long.MAX_VALUE;
        // The best of three: one run of the first shape caught a collection or a recompilation in CI.
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            TestEngines.SHIPPED.analyze(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static String repeat(String unit, int size) {
        return unit.repeat(size / unit.length() + 1).substring(0, size);
    }
}
