package com.connekz.pipeline.redact;

import java.util.List;
import java.util.Set;

/** The entity type names the engine emits, the policy configures and labelled sets use. */
public final class EntityTypes {
    public static final String PERSON = "PERSON";
    public static final String LOCATION = "LOCATION";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";
    public static final String PHONE_NUMBER = "PHONE_NUMBER";
    public static final String CREDIT_CARD = "CREDIT_CARD";
    public static final String IBAN = "IBAN";
    public static final String IP_ADDRESS = "IP_ADDRESS";
    public static final String URL = "URL";
    public static final String NZ_IRD = "NZ_IRD";
    public static final String NZ_NHI = "NZ_NHI";
    public static final String NZ_BANK_ACCOUNT = "NZ_BANK_ACCOUNT";
    public static final String NZ_DRIVER_LICENCE = "NZ_DRIVER_LICENCE";
    public static final String NZ_PASSPORT = "NZ_PASSPORT";
    public static final String NZBN = "NZBN";
    public static final String US_SSN = "US_SSN";
    public static final String ADDRESS = "ADDRESS";
    public static final String DATE_OF_BIRTH = "DATE_OF_BIRTH";
    public static final String SECRET = "SECRET";
    public static final String USERNAME = "USERNAME";
    public static final String UNKNOWN_NAME = "UNKNOWN_NAME";

    public static final List<String> ALL = List.of(PERSON, LOCATION, ORGANIZATION, EMAIL_ADDRESS, PHONE_NUMBER,
            CREDIT_CARD, IBAN, IP_ADDRESS, URL, NZ_IRD, NZ_NHI, NZ_BANK_ACCOUNT, NZ_DRIVER_LICENCE, NZ_PASSPORT,
            NZBN, US_SSN, ADDRESS, DATE_OF_BIRTH, SECRET, USERNAME, UNKNOWN_NAME);

    /** The types that say what a name names: a person, a place, an organisation. */
    public static final Set<String> TYPED_NAMES = Set.of(PERSON, LOCATION, ORGANIZATION);

    /** The types that name someone or something (as opposed to an identifier of a fixed shape). */
    public static final Set<String> NAMES = Set.of(PERSON, LOCATION, ORGANIZATION, UNKNOWN_NAME);

    private EntityTypes() {}
}
