package com.connekz.pipeline.redact.nz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NzBankAccountTest {
    @Test
    void acceptsAccountsOfAlgorithmA() {
        assertThat(NzBankAccount.isValid("01-0902-0068389-00")).isTrue();
        assertThat(NzBankAccount.isValid("01-0242-0100194-00")).isTrue();
        assertThat(NzBankAccount.isValid("01 0902 0068389 000")).isTrue();
        assertThat(NzBankAccount.isValid("0109020068389000")).isTrue();
        assertThat(NzBankAccount.isValid("010902006838900")).isTrue();
    }

    @Test
    void rejectsAWrongCheck() {
        assertThat(NzBankAccount.isValid("01-0902-0068388-00")).isFalse();
        assertThat(NzBankAccount.isValid("01-0242-0100195-00")).isFalse();
    }

    @Test
    void rejectsBranchesOutsideTheBanksRanges() {
        assertThat(NzBankAccount.isValid("01-9999-0100197-00")).isFalse();
        assertThat(NzBankAccount.isValid("07-0902-0068389-00")).as("no bank 07").isFalse();
    }

    @Test
    void rejectsLookAlikes() {
        assertThat(NzBankAccount.isValid("01-0902-0068389")).isFalse();
        assertThat(NzBankAccount.isValid("01-0902-006838900-00")).isFalse();
        assertThat(NzBankAccount.isValid("021-555-0199")).isFalse();
        assertThat(NzBankAccount.isValid("01/0902/0068389/00")).isFalse();
    }

    @Test
    void randomAccountsAreValidAcrossBanks() {
        SplittableRandom random = new SplittableRandom(3);
        java.util.Set<String> banks = new java.util.HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String account = NzBankAccount.random(random);
            assertThat(account).matches("\\d{2}-\\d{4}-\\d{7}-\\d{2,3}");
            assertThat(NzBankAccount.isValid(account)).as(account).isTrue();
            banks.add(account.substring(0, 2));
        }
        assertThat(banks).contains("08", "09", "25", "26", "01");
    }
}
