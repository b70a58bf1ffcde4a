package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.nz.NzBankAccount;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NZ bank accounts, grouped {@code BB-bbbb-AAAAAAA-SSS} or as 15/16 digits, branch and check valid. */
public final class NzBankAccountRecognizer extends PatternRecognizer {
    private static final Pattern ACCOUNT = Pattern.compile(
            "(?<![\\d-])(?:\\d{2}[- ]\\d{4}[- ]\\d{7,8}[- ]\\d{2,4}|\\d{15,16})(?![\\d]|-\\d)");

    public NzBankAccountRecognizer() {
        super("nz_bank_account", EntityTypes.NZ_BANK_ACCOUNT, ACCOUNT);
    }

    /** Bank, branch, account and suffix, joined by single spaces or dashes. */
    @Override
    DigitReach digitReach() {
        return DigitReach.SEPARATED_DIGITS;
    }

    @Override
    double score(Matcher match) {
        return NzBankAccount.isValid(match.group()) ? 0.95 : -1;
    }
}
