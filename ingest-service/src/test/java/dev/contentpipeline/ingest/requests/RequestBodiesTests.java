package dev.contentpipeline.ingest.requests;

import dev.contentpipeline.model.InvalidContentException;
import dev.contentpipeline.model.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodiesTests {

    @Test
    void utf8IsTakenWhetherItIsAsciiOrNot() {
        for (String text : new String[] {"", "{\"title\":\"plain\"}", "{\"title\":\"Gjirokastër\"}", "é", "白俄罗斯",
            "\uD83D\uDE00 after", "ascii first, then \u00E9"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            RequestBodies.requireUtf8(bytes, 0, bytes.length, "$");
        }
    }

    @Test
    void malformedUtf8IsRefusedWhereverItStarts() {
        byte[][] malformed = {
            {'{', '"', 'a', (byte) 0xC3, '"', '}'},           // a lead byte without its continuation
            {'a', 'b', (byte) 0x80},                          // a continuation byte alone
            {(byte) 0xC0, (byte) 0xAF},                       // an overlong '/'
            {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80},     // a surrogate, encoded
            {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF},          // after a valid character
        };
        for (byte[] bytes : malformed) {
            assertThatThrownBy(() -> RequestBodies.requireUtf8(bytes, 0, bytes.length, "$"))
                    .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                            .containsExactly(new Violation("$", "is not valid UTF-8")));
        }
    }

    @Test
    void aNulByteIsRefusedAtItsPlaceInTheRange() {
        byte[] line = "xx{\"a\":\"é\u0000\"}yy".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RequestBodies.requireUtf8(line, 2, line.length - 2, "$"))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("$", "holds a NUL byte at byte 8; send UTF-8 JSON (UTF-16 is not "
                                + "accepted)")));
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> RequestBodies.requireUtf8(utf16, 0, utf16.length, "$"))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations().get(0).message())
                        .startsWith("holds a NUL byte at byte 1;"));
        // Outside the range nothing counts.
        byte[] padded = {0, (byte) 0xFF, 'o', 'k', 0};
        RequestBodies.requireUtf8(padded, 2, 4, "$");
    }

    @Test
    void aBodyReadWithItsRoomHeldIsTheBodyAsSentEvenWhenShorterThanDeclared() throws IOException {
        byte[] sent = "{\"type\":\"article\"}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest whole = request(sent, sent.length);
        assertThat(RequestBodies.readWithRoomHeld(whole, DataSize.ofMegabytes(1))).isEqualTo(sent);
        // A client that declared more than it sent before closing: what came, not an array padded with zeros.
        MockHttpServletRequest cut = request(sent, sent.length + 100);
        assertThat(RequestBodies.readWithRoomHeld(cut, DataSize.ofMegabytes(1))).isEqualTo(sent);
        // Without a declared length, as before: read as it comes.
        MockHttpServletRequest chunked = request(sent, -1);
        assertThat(RequestBodies.readWithRoomHeld(chunked, DataSize.ofMegabytes(1))).isEqualTo(sent);
    }

    private static MockHttpServletRequest request(byte[] content, long declared) {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return declared;
            }
        };
        request.setContentType("application/x-ndjson");
        request.setContent(content);
        return request;
    }
}
