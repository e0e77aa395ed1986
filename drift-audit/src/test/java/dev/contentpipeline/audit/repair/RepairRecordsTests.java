package dev.contentpipeline.audit.repair;

import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RepairRecordsTests {

    private static final long TIMESTAMP = 1_780_000_000_000L;

    @Test
    void aRecordNewerThanItsDocumentGoesAgainAsItWasWithItsHeadersAndTimestamp() {
        ConsumerRecord<String, byte[]> record = record("{\"id\":\"a\",\"version\":7}", "request-id", "r-1");

        ProducerRecord<String, byte[]> again = RepairRecords.again(record, 7, 5);

        assertThat(again.topic()).isEqualTo("content.articles");
        assertThat(again.key()).isEqualTo("a");
        assertThat(again.value()).isEqualTo(record.value());
        assertThat(again.timestamp()).as("a version taken from the timestamp stays the same").isEqualTo(TIMESTAMP);
        assertThat(header(again, "request-id")).isEqualTo("r-1");
    }

    @Test
    void aVersionInTheJsonIsRaisedAboveTheIndexedOneThereAndInTheHeaderIfItHasOne() {
        ConsumerRecord<String, byte[]> record = record("{\"id\":\"a\",\"title\":\"T\",\"version\":7}",
                ContentHeaders.VERSION, "7");

        ProducerRecord<String, byte[]> again = RepairRecords.again(record, 7, 12);

        assertThat(new String(again.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"a\",\"title\":\"T\",\"version\":13}");
        assertThat(header(again, ContentHeaders.VERSION)).isEqualTo("13");
    }

    @Test
    void withoutOneInTheJsonTheHeaderCarriesTheNewVersion() {
        ProducerRecord<String, byte[]> again = RepairRecords.again(record("{\"id\":\"a\"}", "request-id", "r-1"),
                TIMESTAMP * 1_000, TIMESTAMP * 1_000);

        assertThat(new String(again.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}");
        assertThat(header(again, ContentHeaders.VERSION)).isEqualTo(Long.toString(TIMESTAMP * 1_000 + 1));
        assertThat(header(again, "request-id")).isEqualTo("r-1");
    }

    @Test
    void aTombstoneForAGhostIsNewerThanItsDocumentAndSaysWhoSentIt() {
        ProducerRecord<String, byte[]> tombstone = RepairRecords.tombstone("content.articles", "gone", 41, "audit-1");

        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.key()).isEqualTo("gone");
        assertThat(header(tombstone, ContentHeaders.VERSION)).isEqualTo("42");
        assertThat(header(tombstone, ContentHeaders.REQUEST_ID)).isEqualTo("audit-1");
    }

    private static ConsumerRecord<String, byte[]> record(String json, String header, String headerValue) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header, headerValue.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("content.articles", 1, 9, TIMESTAMP, TimestampType.CREATE_TIME, -1, -1, "a",
                json.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
