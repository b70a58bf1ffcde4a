package com.connekz.pipeline.generate;

import java.util.SplittableRandom;

/**
 * A user's own identifiers (IRD, NHI, bank account, card), fixed by a per-user seed but drawn only
 * when a text mentions them: drawing a valid bank account is costly, and most days need none.
 */
final class Identifiers {
    private final NzFakes fakes;
    private final long seed;

    Identifiers(NzFakes fakes, long seed) {
        this.fakes = fakes;
        this.seed = seed;
    }

    String ird() {
        return fakes.ird(new SplittableRandom(seed ^ 0x1D1DL));
    }

    String nhi() {
        return fakes.nhi(new SplittableRandom(seed ^ 0x4E41L));
    }

    String bankAccount() {
        return fakes.bankAccount(new SplittableRandom(seed ^ 0xBA4CL));
    }

    String card() {
        return fakes.card(new SplittableRandom(seed ^ 0xCA7DL));
    }
}
