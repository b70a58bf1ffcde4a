package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineParserTest {
    private static final String CHAT = """
            {"message_id":"m1","conversation_id":"c1","user_id":"u1","role":"user","text":"hi","created_at":"2026-11-01T10:00:00+13:00"}""";

    @Test
    void parsesAGoodChatWithItsInstantInUtc() {
        ParsedLine parsed = new LineParser(Source.CHATS).parse(CHAT);

        assertThat(parsed.isGood()).isTrue();
        assertThat(parsed.values()[0]).isEqualTo("m1");
        assertThat(parsed.values()[5]).isEqualTo(Timestamp.from(Instant.parse("2026-10-31T21:00:00Z")));
        assertThat(parsed.extra()).isNull();
    }

    @Test
    void keepsUnknownFieldsAsExtraAndOutOfTheContentHash() {
        ParsedLine plain = new LineParser(Source.CHATS).parse(CHAT);
        ParsedLine withExtra = new LineParser(Source.CHATS).parse(CHAT.replace("}", ",\"tags\":[\"a\"]}"));

        assertThat(withExtra.extra()).isEqualTo("{\"tags\":[\"a\"]}");
        assertThat(withExtra.contentHash()).isEqualTo(plain.contentHash());
    }

    @Test
    void changedContentChangesTheHash() {
        ParsedLine edited = new LineParser(Source.CHATS).parse(CHAT.replace("\"hi\"", "\"hello\""));

        assertThat(edited.contentHash()).isNotEqualTo(new LineParser(Source.CHATS).parse(CHAT).contentHash());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "invalid json          | {\"message_id\": | invalid_json | ",
        "not an object         | [1,2]            | not_an_object | ",
        "empty line            | '   '            | empty_line | ",
        "missing field         | DROP:text        | missing_field | text",
        "null required field   | SET:text:null    | missing_field | text",
        "number for a string   | SET:user_id:42   | wrong_type | user_id",
        "bad enum value        | SET:role:\"robot\" | bad_value | role",
        "no offset             | SET:created_at:\"2026-11-01T10:00:00\" | bad_timestamp | created_at",
        "garbage timestamp     | SET:created_at:\"yesterday\" | bad_timestamp | created_at",
        "optional and unknown  | ADD:channel:\"web\",\"x\":1 | | ",
    })
    void reportsEachKindOfBadLineByReasonAndField(String name, String change, String reason, String field) {
        ParsedLine parsed = new LineParser(Source.CHATS).parse(apply(change));

        if (reason == null) {
            assertThat(parsed.isGood()).isTrue();
            return;
        }
        assertThat(parsed.isGood()).isFalse();
        assertThat(parsed.bad().reason()).isEqualTo(reason);
        assertThat(parsed.bad().field()).isEqualTo(field);
    }

    @Test
    void aBooleanGivenAsAStringIsTheWrongType() {
        String call = """
                {"call_id":"k1","user_id":"u1","started_at":"2026-11-01T10:00:00Z","segments":[],"all_parties_notified":"true"}""";

        ParsedLine parsed = new LineParser(Source.CALLS).parse(call);

        assertThat(parsed.bad().reason()).isEqualTo(BadRecord.WRONG_TYPE);
        assertThat(parsed.bad().field()).isEqualTo("all_parties_notified");
    }

    @Test
    void namesTheSegmentFieldThatIsWrong() {
        String call = """
                {"call_id":"k1","user_id":"u1","started_at":"2026-11-01T10:00:00Z","segments":[
                {"speaker":"user","start_ms":0,"end_ms":900,"text":"hello"},
                {"speaker":"agent","start_ms":"soon","end_ms":1900,"text":"hi"}]}""".replace("\n", "");

        ParsedLine parsed = new LineParser(Source.CALLS).parse(call);

        assertThat(parsed.bad().reason()).isEqualTo(BadRecord.WRONG_TYPE);
        assertThat(parsed.bad().field()).isEqualTo("segments[1].start_ms");
    }

    @Test
    void parsesSegmentsIntoRows() {
        String call = """
                {"call_id":"k1","user_id":"u1","started_at":"2026-11-01T10:00:00Z","segments":[{"speaker":"user","start_ms":0,"end_ms":900,"text":"hello"}],"all_parties_notified":true}""";

        ParsedLine parsed = new LineParser(Source.CALLS).parse(call);

        @SuppressWarnings("unchecked")
        List<Row> segments = (List<Row>) parsed.values()[3];
        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.getString(0)).isEqualTo("user");
            assertThat(s.getLong(2)).isEqualTo(900L);
        });
        assertThat(parsed.values()[8]).isEqualTo(true);
    }

    @Test
    void aDeletionOfOneConversationMustNameIt() {
        String deletion = """
                {"request_id":"d1","user_id":"u1","scope":"conversation","requested_at":"2026-11-01T10:00:00Z"}""";

        ParsedLine parsed = new LineParser(Source.DELETIONS).parse(deletion);

        assertThat(parsed.bad().reason()).isEqualTo(BadRecord.MISSING_FIELD);
        assertThat(parsed.bad().field()).isEqualTo("target_id");
        assertThat(new LineParser(Source.DELETIONS).parse(deletion.replace("conversation", "account")).isGood()).isTrue();
    }

    @Test
    void aBadDateOfBirthIsReported() {
        String account = """
                {"user_id":"u1","created_at":"2026-01-01T00:00:00Z","date_of_birth":"01/02/2000"}""";

        assertThat(new LineParser(Source.ACCOUNTS).parse(account).bad().reason()).isEqualTo(BadRecord.BAD_DATE);
    }

    @Test
    void messagesNeverHoldTheValue() {
        ParsedLine parsed = new LineParser(Source.CHATS).parse(CHAT.replace("\"u1\"", "12345678"));

        assertThat(parsed.bad().message()).doesNotContain("12345678").contains("user_id");
    }

    private static String apply(String change) {
        if (change.startsWith("DROP:")) {
            return CHAT.replace(",\"" + change.substring(5) + "\":\"hi\"", "");
        }
        if (change.startsWith("SET:")) {
            String[] parts = change.split(":", 3);
            return CHAT.replaceFirst("\"" + parts[1] + "\":(\"[^\"]*\"|[^,}]*)", "\"" + parts[1] + "\":" + parts[2]);
        }
        if (change.startsWith("ADD:")) {
            String[] parts = change.split(":", 3);
            return CHAT.replace("}", ",\"" + parts[1] + "\":" + parts[2] + "}");
        }
        return change;
    }
}
