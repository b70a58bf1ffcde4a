package com.connekz.pipeline.generate;

/**
 * The kinds of personal data the generator plants, named as the redaction engine names the entities
 * it finds, so that {@code redact --evaluate} can compare the two directly.
 */
public enum EntityType {
    PERSON,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    NZ_IRD,
    NZ_NHI,
    NZ_BANK_ACCOUNT,
    CREDIT_CARD,
    LOCATION,
    ADDRESS,
    DATE_OF_BIRTH
}
