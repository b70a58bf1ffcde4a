package com.connekz.pipeline.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityResolverTest {

    private static Entity at(String text, String part, String type, double score) {
        int start = text.indexOf(part);
        return new Entity(type, start, start + part.length(), score, "test");
    }

    /** What the resolver keeps of the candidates, as "TYPE:covered text" in text order. */
    private static List<String> resolved(String text, Entity... candidates) {
        return EntityResolver.resolve(List.of(candidates), text).stream()
                .map(e -> e.type() + ":" + text.substring(e.start(), e.end())).toList();
    }

    @Test
    void aWeakerFindingKeepsEveryFreePartAroundAStrongerOne() {
        String text = "call 021 555 0199 today";
        assertThat(resolved(text, at(text, "021 555 0199", EntityTypes.NZ_BANK_ACCOUNT, 0.6), at(text, "555", EntityTypes.US_SSN, 0.9)))
                .containsExactly("NZ_BANK_ACCOUNT:021", "US_SSN:555", "NZ_BANK_ACCOUNT:0199");
    }

    @Test
    void aNameInsideALongerPatternFindingGivesWayToIt() {
        String text = "Site: 89 Tane Road, Hongoeka, Hamilton 4031.";
        assertThat(resolved(text, at(text, "Tane Road", EntityTypes.PERSON, 1.0),
                at(text, "89 Tane Road, Hongoeka, Hamilton 4031", EntityTypes.ADDRESS, 0.9)))
                .containsExactly("ADDRESS:89 Tane Road, Hongoeka, Hamilton 4031");
    }

    @Test
    void aNameThatSticksOutOfAPatternFindingStillCompetesOnScore() {
        String text = "Dear Emily Street, 12 Kauri Road";
        assertThat(resolved(text, at(text, "Emily Street", EntityTypes.PERSON, 1.0),
                at(text, "Street, 12 Kauri Road", EntityTypes.ADDRESS, 0.9)))
                .containsExactly("PERSON:Emily Street", "ADDRESS:, 12 Kauri Road");
    }

    @Test
    void aPatternFindingInsideANameIsNotDropped() {
        String text = "Kia ora Mere 021 555 0199";
        assertThat(resolved(text, at(text, "Mere 021 555 0199", EntityTypes.PERSON, 0.6),
                at(text, "021 555 0199", EntityTypes.PHONE_NUMBER, 0.75)))
                .containsExactly("PERSON:Mere", "PHONE_NUMBER:021 555 0199");
    }

    @Test
    void neighbouringPartsOfOneNameAreJoined() {
        String text = "The chair is Dr Sue Black of Westminster.";
        assertThat(resolved(text, at(text, "Sue", EntityTypes.PERSON, 1.0), at(text, "Sue Black", EntityTypes.PERSON, 0.9)))
                .containsExactly("PERSON:Sue Black");
    }

    @Test
    void personsAroundNameParticlesAreOnePerson() {
        String text = "students included Marcus du Sautoy and Ludwig van Beethoven, not Diego y Maria";
        assertThat(resolved(text, at(text, "Marcus", EntityTypes.PERSON, 0.7), at(text, "Sautoy", EntityTypes.PERSON, 0.6),
                at(text, "Ludwig", EntityTypes.PERSON, 0.9), at(text, "Beethoven", EntityTypes.PERSON, 0.7),
                at(text, "Diego", EntityTypes.PERSON, 0.9), at(text, "Maria", EntityTypes.PERSON, 0.9)))
                .containsExactly("PERSON:Marcus du Sautoy", "PERSON:Ludwig van Beethoven", "PERSON:Diego", "PERSON:Maria");
    }

    @Test
    void namesApartOrOfOtherTypesStayApart() {
        String text = "Tama, Hemi and Mere de Hamilton\nKiri";
        assertThat(resolved(text, at(text, "Tama", EntityTypes.PERSON, 0.9), at(text, "Hemi", EntityTypes.PERSON, 0.9),
                at(text, "Mere", EntityTypes.PERSON, 0.9), at(text, "Hamilton", EntityTypes.LOCATION, 0.9),
                at(text, "Kiri", EntityTypes.LOCATION, 0.9)))
                .containsExactly("PERSON:Tama", "PERSON:Hemi", "PERSON:Mere", "LOCATION:Hamilton", "LOCATION:Kiri");
    }

    @Test
    void anUnknownNameNextToATypedNameIsPartOfIt() {
        String text = "ask Tama Tamahori or Wirihana";
        assertThat(resolved(text, at(text, "Tama", EntityTypes.PERSON, 0.9), at(text, "Tamahori", EntityTypes.UNKNOWN_NAME, 0.55),
                at(text, "Wirihana", EntityTypes.UNKNOWN_NAME, 0.55)))
                .containsExactly("PERSON:Tama Tamahori", "UNKNOWN_NAME:Wirihana");
    }

    @Test
    void anUnknownNameGivesWayToATypedNameItOverlapsWhateverTheScores() {
        String text = "I asked Wirihana about it";
        assertThat(resolved(text, at(text, "Wirihana", EntityTypes.UNKNOWN_NAME, 0.8), at(text, "Wirihana", EntityTypes.PERSON, 0.5)))
                .containsExactly("PERSON:Wirihana");
    }
}
