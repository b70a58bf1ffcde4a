package com.connekz.pipeline.redact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TextViewTest {
    @Test
    void narrowDigitWindowsJoinRunsThatTheirReachesConnect() {
        TextView view = new TextView("ab 12-34 cd 5");
        assertArrayEquals(new int[] {3, 9, 12, 13}, view.digitWindows(0, 1));
        assertArrayEquals(new int[] {1, 9, 10, 13}, view.digitWindows(2, 1));
        assertArrayEquals(new int[] {0, 13}, view.digitWindows(4, 0));
    }

    @Test
    void wideDigitWindowsReachTheEntityBounds() {
        String text = "x".repeat(100) + "7" + "y".repeat(300);
        assertArrayEquals(new int[] {100 - TextView.WINDOW_BEFORE, 101 + TextView.WINDOW_AFTER},
                new TextView(text).digitWindows());
    }

    @Test
    void windowsAroundMarkedCharsReachBeforeAndAfterEachAndMergeWhereTheyTouch() {
        String text = "a+b++cdefgh+";
        assertArrayEquals(new int[] {0, 6, 10, 12}, TextView.windowsAround(text, i -> text.charAt(i) == '+', 1, 2));
        assertArrayEquals(new int[] {1, 2, 3, 5, 11, 12}, TextView.windowsAround(text, i -> text.charAt(i) == '+', 0, 1));
    }

    @Test
    void aTextWithoutDigitsHasNoWindows() {
        assertArrayEquals(new int[0], new TextView("no digits here").digitWindows(3, 3));
    }
}
