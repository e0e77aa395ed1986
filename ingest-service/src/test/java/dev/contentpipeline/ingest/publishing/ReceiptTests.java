package dev.contentpipeline.ingest.publishing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A receipt written by hand is, byte for byte, what a JSON mapper writes for it. */
class ReceiptTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesWhatAMapperWrites() {
        String[] texts = {"article", "harbour-lights-2026", "content.articles",
                "a\"b\\c\u0001\u001f\u007f é \u4e2d 😀", "", null};
        Boolean[] searchables = {null, true, false};
        long[] numbers = {0, 1, -1, 42, Long.MAX_VALUE, Long.MIN_VALUE};
        for (String type : texts) {
            for (String id : Arrays.copyOf(texts, 3)) {
                for (String topic : texts) {
                    for (Boolean searchable : searchables) {
                        for (long number : numbers) {
                            Receipt receipt = new Receipt(type, id, number, topic, (int) (number % 1000), number,
                                    searchable);
                            assertThat(new String(receipt.json(), StandardCharsets.UTF_8))
                                    .as("%s", receipt).isEqualTo(mapper.writeValueAsString(receipt));
                        }
                    }
                }
            }
        }
    }
}
