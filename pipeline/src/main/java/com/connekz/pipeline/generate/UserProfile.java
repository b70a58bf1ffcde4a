package com.connekz.pipeline.generate;

import java.time.LocalDate;

/**
 * One generated user: who they are (their own personal data, planted in what they write) and the
 * traits that put them in one or more policy cases.
 *
 * @param identifiers     the user's own identifiers, drawn only when a text mentions them
 * @param accountAgeDays  how many days before the window the account was opened
 * @param deletionScope   the deletion request the user files on the last day, or null
 * @param instances       how many developer instances the user runs (0 for non-developers)
 * @param chats           whether the user chats with the assistant
 * @param showcase        whether the user was made to show one policy case, and so is active every day
 */
record UserProfile(
        int index,
        String userId,
        String firstName,
        String lastName,
        String email,
        NzPhone phone,
        String address,
        String region,
        Identifiers identifiers,
        LocalDate dateOfBirth,
        int accountAgeDays,
        Patterns.Consent consent,
        Patterns.Age age,
        Patterns.Account account,
        Patterns.Calls calls,
        boolean callConsent,
        int instances,
        boolean instanceConsent,
        boolean chats,
        Patterns.DeletionScope deletionScope,
        boolean showcase) {

    String ird() {
        return identifiers.ird();
    }

    String nhi() {
        return identifiers.nhi();
    }

    String bankAccount() {
        return identifiers.bankAccount();
    }

    String card() {
        return identifiers.card();
    }

    String fullName() {
        return firstName + " " + lastName;
    }

    boolean developer() {
        return instances > 0;
    }

    boolean makesCalls() {
        return calls != Patterns.Calls.NONE;
    }
}
