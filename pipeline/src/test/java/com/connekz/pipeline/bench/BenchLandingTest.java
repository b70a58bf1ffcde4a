package com.connekz.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.ingest.LineParser;
import com.connekz.pipeline.ingest.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchLandingTest {
    @TempDir
    Path work;

    @Test
    void theNextDayLandsAfterTheFirstBatchAndDeletionRequestsAreValidContractLines() throws Exception {
        BenchLanding landing = new BenchLanding(work);
        BenchLanding.Batch first = landing.firstNights(2_000, 2);
        BenchLanding.Batch next = landing.nextDay();
        BenchLanding.Batch requests = landing.deletionRequests(List.of("user-000001", "user-000002"));

        assertThat(first.lines()).isGreaterThan(next.lines());
        assertThat(dayFolders(Source.CHATS)).containsExactly("dt=2026-11-01", "dt=2026-11-02", "dt=2026-11-03");
        assertThat(requests.lines()).isEqualTo(2);
        Path file = landing.folder().resolve("deletions/dt=2026-11-04/bench-deletions.jsonl");
        LineParser parser = new LineParser(Source.DELETIONS);
        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(parser.parse(line).isGood()).isTrue());
    }

    @Test
    void theNextDayHoldsNewRecordsNotNewContentsOfOldOnes() throws Exception {
        BenchLanding landing = new BenchLanding(work);
        landing.firstNights(2_000, 2);
        assertThat(dayFolders(Source.CHATS)).containsExactly("dt=2026-11-01", "dt=2026-11-02");
        Set<String> firstIds = messageIds(List.of("dt=2026-11-01", "dt=2026-11-02"));

        BenchLanding.Batch next = landing.nextDay();
        Set<String> nextIds = messageIds(List.of("dt=2026-11-03"));

        assertThat(nextIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
        assertThat(next.lines()).isGreaterThanOrEqualTo(nextIds.size());
    }

    private Set<String> messageIds(List<String> days) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (String day : days) {
            try (Stream<Path> files = Files.list(work.resolve("landing").resolve(Source.CHATS.folder()).resolve(day))) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        JsonNode record = json.readTree(line);
                        if (record != null && record.hasNonNull("message_id")) {
                            ids.add(record.get("message_id").asText());
                        }
                    }
                }
            }
        }
        return ids;
    }

    private List<String> dayFolders(Source source) throws Exception {
        try (Stream<Path> days = Files.list(work.resolve("landing").resolve(source.folder()))) {
            return days.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
