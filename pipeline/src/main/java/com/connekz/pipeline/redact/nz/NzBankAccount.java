package com.connekz.pipeline.redact.nz;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * New Zealand bank account number {@code BB-bbbb-AAAAAAA-SS(S)}: bank, branch, account base and
 * suffix. Valid when the branch lies in one of its bank's ranges and the weighted check of the
 * bank's algorithm holds, per Inland Revenue's bank-account validation rules (RWT/NRWT
 * specification): the digits are laid out as bank(2) branch(4) base(8) suffix(4), each weighted,
 * summed, and the sum must divide by the algorithm's modulus.
 */
public final class NzBankAccount {
    private record Range(int low, int high) {
        boolean contains(int branch) {
            return branch >= low && branch <= high;
        }
    }

    private enum Algorithm {
        A(11, false, 0, 0, 6, 3, 7, 9, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0),
        B(11, false, 0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 8, 4, 2, 1, 0, 0, 0, 0),
        D(11, false, 0, 0, 0, 0, 0, 0, 0, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0),
        E(11, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4, 3, 2, 0, 0, 0, 1),
        F(10, false, 0, 0, 0, 0, 0, 0, 0, 1, 7, 3, 1, 7, 3, 1, 0, 0, 0, 0),
        G(10, true, 0, 0, 0, 0, 0, 0, 0, 1, 3, 7, 1, 3, 7, 1, 0, 3, 7, 1),
        X(1, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        final int modulus;
        /** E and G add up the digits of each product (repeatedly) before summing. */
        final boolean digitSum;
        final int[] weights;

        Algorithm(int modulus, boolean digitSum, int... weights) {
            this.modulus = modulus;
            this.digitSum = digitSum;
            this.weights = weights;
        }

        boolean holds(String eighteen) {
            int sum = 0;
            for (int i = 0; i < 18; i++) {
                int product = weights[i] * Digits.at(eighteen, i);
                sum += digitSum && product > 9 ? 1 + (product - 1) % 9 : product;
            }
            return sum % modulus == 0;
        }
    }

    private static final Map<Integer, List<Range>> BRANCHES = Map.ofEntries(
            Map.entry(1, List.of(new Range(1, 999), new Range(1100, 1199), new Range(1800, 1899))),
            Map.entry(2, List.of(new Range(1, 999), new Range(1200, 1299))),
            Map.entry(3, List.of(new Range(1, 999), new Range(1300, 1399), new Range(1500, 1599),
                    new Range(1700, 1799), new Range(1900, 1999), new Range(7350, 7399))),
            Map.entry(4, List.of(new Range(2020, 2024))),
            Map.entry(5, List.of(new Range(8884, 8889))),
            Map.entry(6, List.of(new Range(1, 999), new Range(1400, 1499))),
            Map.entry(8, List.of(new Range(6500, 6599))),
            Map.entry(9, List.of(new Range(0, 0))),
            Map.entry(10, List.of(new Range(5165, 5169))),
            Map.entry(11, List.of(new Range(5000, 6499), new Range(6600, 8999))),
            Map.entry(12, List.of(new Range(3000, 3299), new Range(3400, 3499), new Range(3600, 3699))),
            Map.entry(13, List.of(new Range(4900, 4999))),
            Map.entry(14, List.of(new Range(4700, 4799))),
            Map.entry(15, List.of(new Range(3900, 3999))),
            Map.entry(16, List.of(new Range(4400, 4499))),
            Map.entry(17, List.of(new Range(3300, 3399))),
            Map.entry(18, List.of(new Range(3500, 3599))),
            Map.entry(19, List.of(new Range(4600, 4649))),
            Map.entry(20, List.of(new Range(4100, 4199))),
            Map.entry(21, List.of(new Range(4800, 4899))),
            Map.entry(22, List.of(new Range(4000, 4049))),
            Map.entry(23, List.of(new Range(3700, 3799))),
            Map.entry(24, List.of(new Range(4300, 4349))),
            Map.entry(25, List.of(new Range(2500, 2599))),
            Map.entry(26, List.of(new Range(2600, 2699))),
            Map.entry(27, List.of(new Range(3800, 3849))),
            Map.entry(28, List.of(new Range(2100, 2149))),
            Map.entry(29, List.of(new Range(2150, 2299))),
            Map.entry(30, List.of(new Range(2900, 2949))),
            Map.entry(31, List.of(new Range(2800, 2849))),
            Map.entry(33, List.of(new Range(6700, 6799))),
            Map.entry(35, List.of(new Range(2400, 2499))),
            Map.entry(38, List.of(new Range(9000, 9499))));

    /** Banks whose numbers are checked with an algorithm of their own rather than A/B. */
    private static final Map<Integer, Algorithm> SPECIAL = Map.of(
            8, Algorithm.D, 9, Algorithm.E, 25, Algorithm.F, 33, Algorithm.F,
            26, Algorithm.G, 28, Algorithm.G, 29, Algorithm.G, 31, Algorithm.X);

    private static final int[] RANDOM_BANKS = BRANCHES.keySet().stream()
            .filter(bank -> SPECIAL.get(bank) != Algorithm.X).sorted().mapToInt(Integer::intValue).toArray();

    private NzBankAccount() {}

    /**
     * Whether the text is a valid account: four groups separated by dashes or spaces (each group at
     * most its width; shorter groups are zero-padded), or 15 or 16 digits in a row.
     */
    public static boolean isValid(String text) {
        String eighteen = normalise(text);
        if (eighteen == null) {
            return false;
        }
        int bank = Integer.parseInt(eighteen.substring(0, 2));
        int branch = Integer.parseInt(eighteen.substring(2, 6));
        List<Range> ranges = BRANCHES.get(bank);
        if (ranges == null || ranges.stream().noneMatch(range -> range.contains(branch))) {
            return false;
        }
        return algorithm(bank, eighteen).holds(eighteen);
    }

    private static Algorithm algorithm(int bank, String eighteen) {
        Algorithm special = SPECIAL.get(bank);
        if (special != null) {
            return special;
        }
        return Long.parseLong(eighteen.substring(6, 14)) < 990_000L ? Algorithm.A : Algorithm.B;
    }

    /** The 18-digit layout bank(2) branch(4) base(8) suffix(4), or null when the text is not one. */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String[] groups = text.strip().split("[- ]", -1);
        if (groups.length == 4) {
            int[] widths = {2, 4, 8, 4};
            int[] printed = {2, 4, 7, 2};
            StringBuilder eighteen = new StringBuilder(18);
            for (int i = 0; i < 4; i++) {
                String group = groups[i];
                if (group.isEmpty() || group.length() > widths[i] || Digits.compact(group) == null
                        || (i > 0 && group.length() < printed[i])) {
                    return null;
                }
                eighteen.append("0".repeat(widths[i] - group.length())).append(group);
            }
            return eighteen.toString();
        }
        String digits = Digits.compact(text);
        if (digits == null || groups.length != 1 || (digits.length() != 15 && digits.length() != 16)) {
            return null;
        }
        String suffix = digits.substring(13);
        return digits.substring(0, 6) + "0" + digits.substring(6, 13) + "0".repeat(4 - suffix.length()) + suffix;
    }

    /** A random valid account in its printed form, e.g. {@code 01-0902-0068389-00}. */
    public static String random(RandomGenerator random) {
        int bank = RANDOM_BANKS[random.nextInt(RANDOM_BANKS.length)];
        List<Range> ranges = BRANCHES.get(bank);
        Range range = ranges.get(random.nextInt(ranges.size()));
        String branch = String.format("%04d", random.nextInt(range.low(), range.high() + 1));
        String suffix = random.nextInt(4) == 0 ? "0" + Digits.random(random, 2) : "0" + random.nextInt(10);
        while (true) {
            String base = Digits.random(random, 7);
            String printed = String.format("%02d", bank) + "-" + branch + "-" + base + "-" + suffix;
            if (isValid(printed)) {
                return printed;
            }
        }
    }
}
