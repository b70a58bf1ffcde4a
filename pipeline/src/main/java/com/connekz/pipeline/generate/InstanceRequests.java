package com.connekz.pipeline.generate;

import static com.connekz.pipeline.generate.EntityType.ADDRESS;
import static com.connekz.pipeline.generate.EntityType.CREDIT_CARD;
import static com.connekz.pipeline.generate.EntityType.DATE_OF_BIRTH;
import static com.connekz.pipeline.generate.EntityType.EMAIL_ADDRESS;
import static com.connekz.pipeline.generate.EntityType.NZ_BANK_ACCOUNT;
import static com.connekz.pipeline.generate.EntityType.NZ_IRD;
import static com.connekz.pipeline.generate.EntityType.NZ_NHI;
import static com.connekz.pipeline.generate.EntityType.PERSON;
import static com.connekz.pipeline.generate.EntityType.PHONE_NUMBER;

import java.util.SplittableRandom;

/**
 * API requests that developers' instances send: each instance serves one kind of business, and its
 * prompts carry that business's customers' personal data, which the output often repeats.
 */
final class InstanceRequests {

    /** What a developer instance is for; it decides what its prompts look like. */
    enum Business { PLUMBING_CRM, CLINIC_TRIAGE, ACCOUNTANCY, REAL_ESTATE, ONLINE_SHOP }

    record Request(LabelledText prompt, LabelledText output) {}

    private final NzFakes fakes;

    InstanceRequests(NzFakes fakes) {
        this.fakes = fakes;
    }

    static Business businessOf(long seed, int developerIndex, int instance) {
        Business[] all = Business.values();
        return all[(int) Math.floorMod(Ids.mix(seed, developerIndex, instance), (long) all.length)];
    }

    Request next(Business business, SplittableRandom random) {
        String first = fakes.firstName(random);
        String customer = first + " " + fakes.lastName(random);
        return switch (business) {
            case PLUMBING_CRM -> {
                String phone = NzPhone.random(random).written(random);
                String address = fakes.address(random);
                yield new Request(
                        new LabelledText().plain("Summarise this job request. Customer ").planted(PERSON, customer)
                                .plain(" (").planted(PHONE_NUMBER, phone).plain(", ")
                                .planted(EMAIL_ADDRESS, fakes.email(first, customer.substring(first.length() + 1), random))
                                .plain(") writes: the hot water cylinder at ").planted(ADDRESS, address)
                                .plain(" is leaking through the ceiling, can someone come today?"),
                        new LabelledText().plain("Urgent job: leaking hot water cylinder. Customer: ").planted(PERSON, customer)
                                .plain(", ").planted(PHONE_NUMBER, phone).plain(". Site: ").planted(ADDRESS, address).plain("."));
            }
            case CLINIC_TRIAGE -> {
                String nhi = fakes.nhi(random);
                String born = NzFakes.date(java.time.LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12),
                        1 + random.nextInt(28)), random);
                yield new Request(
                        new LabelledText().plain("Triage this portal message. Patient ").planted(PERSON, customer)
                                .plain(", NHI ").planted(NZ_NHI, nhi).plain(", DOB ").planted(DATE_OF_BIRTH, born)
                                .plain(": \"I've had a sore throat and fever for three days 🤒\""),
                        new LabelledText().plain("Priority: routine, same-week appointment. Patient ")
                                .planted(PERSON, customer).plain(" (").planted(NZ_NHI, nhi).plain(").")
                                .plain(" Suggest paracetamol and fluids meanwhile."));
            }
            case ACCOUNTANCY -> {
                String ird = fakes.ird(random);
                String account = fakes.bankAccount(random);
                yield new Request(
                        new LabelledText().plain("Draft a reminder to client ").planted(PERSON, customer)
                                .plain(" (IRD ").planted(NZ_IRD, ird).plain(") that their GST return is due on the 28th; ")
                                .plain("the refund will go to ").planted(NZ_BANK_ACCOUNT, account).plain("."),
                        new LabelledText().plain("Kia ora ").planted(PERSON, first)
                                .plain(", a friendly reminder that your GST return is due on the 28th. Any refund "
                                        + "will be paid to your account ending ")
                                .plain(account.substring(account.length() - 2)).plain(". Ngā mihi, the team"));
            }
            case REAL_ESTATE -> {
                String address = fakes.address(random);
                String phone = NzPhone.random(random).written(random);
                yield new Request(
                        new LabelledText().plain("Write a listing blurb: 3 bedroom weatherboard at ")
                                .planted(ADDRESS, address).plain(", sunny deck, handy to schools. Vendor contact ")
                                .planted(PERSON, customer).plain(" ").planted(PHONE_NUMBER, phone),
                        new LabelledText().plain("Sun-drenched family home at ").planted(ADDRESS, address)
                                .plain(" ☀️ Three bedrooms, a deck made for summer barbecues, and schools a short "
                                        + "walk away. Viewings: call ").planted(PERSON, first).plain(" on ")
                                .planted(PHONE_NUMBER, phone).plain("."));
            }
            case ONLINE_SHOP -> {
                String card = fakes.card(random);
                String email = fakes.email(first, customer.substring(first.length() + 1), random);
                yield new Request(
                        new LabelledText().plain("Customer ").planted(PERSON, customer).plain(" (")
                                .planted(EMAIL_ADDRESS, email).plain(") says card ").planted(CREDIT_CARD, card)
                                .plain(" was charged twice for order #" + (40000 + random.nextInt(9999))
                                        + ". Write a reply."),
                        new LabelledText().plain("Kia ora ").planted(PERSON, first)
                                .plain(", sorry about the double charge! We've refunded the second payment; it "
                                        + "should show within 3–5 working days."));
            }
        };
    }
}
