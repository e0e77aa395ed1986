package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CursorTests {

    @Test
    void roundTripsSortValuesOfEveryKind() {
        Cursor cursor = new Cursor(Sorting.NEWEST, "abc", List.of(FieldValue.of(Long.MIN_VALUE), FieldValue.of(2.5),
                FieldValue.of("country"), FieldValue.NULL), true);
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        Cursor back = Cursor.decode(text).orElseThrow();
        assertThat(back.sorting()).isEqualTo(Sorting.NEWEST);
        assertThat(back.fingerprint()).isEqualTo("abc");
        assertThat(back.after().get(0).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(back.after().get(1).doubleValue()).isEqualTo(2.5);
        assertThat(back.after().get(2).stringValue()).isEqualTo("country");
        assertThat(back.after().get(3).isNull()).isTrue();
        assertThat(back.typos()).isTrue();
        assertThat(Cursor.decode(new Cursor(Sorting.NEWEST, "abc", List.of(FieldValue.of(1L), FieldValue.of(2.5),
                FieldValue.of("article"), FieldValue.of("a")), false).encode()).orElseThrow().typos()).isFalse();
    }

    @Test
    void anythingElseIsNotACursor() {
        for (String text : List.of("", "x", "!!!!", "eyJ9", base64("{}"), base64("[1,2]"),
                base64("{\"s\":\"newest\",\"f\":\"a\",\"a\":[1]}"),
                base64("{\"s\":\"loudest\",\"f\":\"a\",\"a\":[1,2,3,4]}"),
                base64("{\"s\":\"newest\",\"f\":\"a\",\"a\":[{},2,3,4]}"), "A".repeat(5_000))) {
            assertThat(Cursor.decode(text)).as(text).isEmpty();
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
