package com.connekz.pipeline.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.config.HashKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionEngineTest {
    static final HashKey KEY = new HashKey("test-key".getBytes(StandardCharsets.UTF_8), true);
    static final RedactionEngine ENGINE = RedactionEngine.of(RedactionPolicy.shipped(), KEY);

    @Test
    void redactsStructuredIdentifiersOfOneMessage() {
        String text = "Kia ora, I'm Aroha Ngata. Email aroha.ngata@example.co.nz or call 021 555 0199. "
                + "My IRD number is 49-091-850 and my account is 01-0902-0068389-00.";
        RedactedText result = ENGINE.redact(text);
        System.out.println(result.text());
        assertThat(result.text()).doesNotContain("Aroha", "Ngata", "aroha.ngata", "555", "49-091-850", "0068389");
        assertThat(result.entities()).extracting(Entity::type)
                .contains(EntityTypes.PERSON, EntityTypes.EMAIL_ADDRESS, EntityTypes.PHONE_NUMBER, EntityTypes.NZ_IRD, EntityTypes.NZ_BANK_ACCOUNT);
    }

    @Test
    void streetsNamedAfterPeopleAndNumbersBesideNamesAreRedactedWhole() {
        String text = "Customer: Samuel Cummings, +64-29-349-9061. Site: 89 Tane Road, Hongoeka, Hamilton 4031. "
                + "Dear Max, PO Box 46 Nelson 3140. DOB 9 Jan 2002.";
        List<Entity> entities = ENGINE.analyze(text);
        assertThat(entities).extracting(e -> e.type() + ":" + text.substring(e.start(), e.end())).contains(
                "PHONE_NUMBER:+64-29-349-9061", "ADDRESS:89 Tane Road, Hongoeka, Hamilton 4031",
                "ADDRESS:PO Box 46 Nelson 3140", "DATE_OF_BIRTH:9 Jan 2002");
    }

    @Test
    void pseudonymsStayTheSameAcrossTheMessagesOfAnExample() {
        RedactedExample example = ENGINE.redactExample(List.of(
                "Hi, my name is Mere Parata.", "Can you remind Mere about the dentist?", "Thanks Mere"));
        assertThat(example.texts().get(0).text()).contains("<PERSON_1>").doesNotContain("Mere");
        assertThat(example.texts().get(1).text()).contains("<PERSON_1>").doesNotContain("Mere");
        assertThat(example.texts().get(2).text()).isEqualTo("Thanks <PERSON_1>");
        assertThat(example.counts().get(EntityTypes.PERSON)).isEqualTo(3L);
    }

    @Test
    void aNameFoundLaterIsRedactedInEarlierMessagesToo() {
        RedactedExample example = ENGINE.redactExample(Arrays.asList("is tane coming?", null, "My name is Tane Rapana"));
        assertThat(example.texts().get(0).text()).isEqualTo("is <PERSON_1> coming?");
        assertThat(example.texts().get(1).text()).isNull();
    }

    @Test
    void aFoundNameMarksItsMentionsInAnyCaseButOrdinaryWordsOnlyCapitalised() {
        RedactedExample example = ENGINE.redactExample(List.of(
                "My name is Wiremu Porter.", "Yes I sent it to porter and wiremu, OK", "The porter gave it to Porter.",
                "ok so porter said yes"));
        assertThat(example.texts().get(1).text()).isEqualTo("Yes I sent it to porter and <PERSON_1>, OK");
        assertThat(example.texts().get(2).text()).isEqualTo("The porter gave it to <PERSON_1>.");
        assertThat(example.texts().get(3).text()).isEqualTo("ok so <PERSON_1> said yes");
    }

    @Test
    void anUnknownNameFoundInsideASentenceIsRedactedWhereItOpensOne() {
        RedactedExample example = ENGINE.redactExample(List.of("I asked Wirihana about it.", "Wirihana said no."));
        assertThat(example.texts().get(1).text()).doesNotContain("Wirihana");
    }

    @Test
    void socialHandlesAreRedactedAndTheAtSignStays() {
        assertThat(ENGINE.redact("RT @kiri_w: thanks to u/hemi-p for the tip").text())
                .isEqualTo("RT @<USERNAME_1>: thanks to u/<USERNAME_2> for the tip");
    }

    @Test
    void aGreetingBeforeANameIsNotPartOfIt() {
        assertThat(ENGINE.redact("Kia ora Isla, thanks for calling.").text()).isEqualTo("Kia ora <PERSON_1>, thanks for calling.");
    }

    @Test
    void anExampleWithAHealthIdentifierIsMarkedForDropping() {
        RedactedExample example = ENGINE.redactExample(List.of("my NHI is ZSC21TN"));
        assertThat(example.droppedBy()).isEqualTo(EntityTypes.NZ_NHI);
        assertThat(example.texts().get(0).text()).doesNotContain("ZSC21TN");
    }

    @Test
    void allowListedNamesStay() {
        assertThat(ENGINE.redact("Connekz helps you").text()).isEqualTo("Connekz helps you");
    }

    @Test
    void anAllowListedPartLeftOfANameFindingStays() {
        String text = "see NHI ZZZ0016 today";
        Recognizer organisationOverLabelAndNumber = new Recognizer() {
            @Override
            public String name() {
                return "stub";
            }

            @Override
            public java.util.Set<String> types() {
                return java.util.Set.of(EntityTypes.ORGANIZATION);
            }

            @Override
            public void recognize(TextView view, List<Entity> found) {
                found.add(new Entity(EntityTypes.ORGANIZATION, 4, 15, 0.8, name()));
            }
        };
        RedactionEngine engine = new RedactionEngine(RedactionPolicy.shipped(),
                RecognizerRegistry.of(List.of(organisationOverLabelAndNumber,
                        new com.connekz.pipeline.redact.recognizers.NhiRecognizer())), KEY);

        RedactedText result = engine.redact(text);

        assertThat(result.text()).isEqualTo("see NHI <NZ_NHI_1> today");
        assertThat(result.entities()).extracting(Entity::type).containsExactly(EntityTypes.NZ_NHI);
    }

    @Test
    void contextGatedTypesNeedTheirContext() {
        assertThat(ENGINE.analyze("code AB123456 shipped")).isEmpty();
        List<Entity> withContext = ENGINE.analyze("my driver licence is AB123456");
        assertThat(withContext).singleElement().satisfies(entity -> {
            assertThat(entity.type()).isEqualTo(EntityTypes.NZ_DRIVER_LICENCE);
            assertThat(entity.context()).contains("licence");
        });
    }

    @Test
    void spokenNumbersAreRecognised() {
        String text = "sure it's oh two one five five five, zero one nine nine";
        RedactedText result = ENGINE.redact(text);
        assertThat(result.entities()).extracting(Entity::type).contains(EntityTypes.PHONE_NUMBER);
        assertThat(result.text()).doesNotContain("nine nine");
    }

    @Test
    void emailsAreReplacedByAKeyedHashThatDependsOnTheKey() {
        String text = "write to someone@example.com";
        String first = ENGINE.redact(text).text();
        String other = RedactionEngine.of(RedactionPolicy.shipped(), new HashKey("other".getBytes(StandardCharsets.UTF_8), true))
                .redact(text).text();
        assertThat(first).matches("write to <EMAIL_ADDRESS:[0-9a-f]{16}>");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aPolicyThatHashesWithoutAKeyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedactionEngine.of(RedactionPolicy.shipped(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
