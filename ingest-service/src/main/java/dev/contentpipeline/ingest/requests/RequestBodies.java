package dev.contentpipeline.ingest.requests;

import dev.contentpipeline.model.InvalidContentException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a request body within its size limit, as UTF-8 without a byte order mark: JSON between systems is
 * UTF-8 (RFC 8259), and a parser left to guess would take UTF-16 or a BOM for content.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static byte[] read(HttpServletRequest request, DataSize limit) throws IOException {
        return read(request, limit, false);
    }

    /**
     * The same for a caller that already holds room for the declared length (a bulk request's admission): the body
     * is read into one array of that length, where a stream read without a known length gathers chunks and then
     * copies them into the body, a second copy of every byte. Only with room held: a client that declares a
     * length and then stalls holds the whole array.
     */
    public static byte[] readWithRoomHeld(HttpServletRequest request, DataSize limit) throws IOException {
        return read(request, limit, true);
    }

    private static byte[] read(HttpServletRequest request, DataSize limit, boolean roomHeld) throws IOException {
        requireUtf8(request.getContentType());
        long max = limit.toBytes();
        long declared = request.getContentLengthLong();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            if (declared > max) {
                drain(in, max);
                throw tooLarge(max, declared);
            }
            body = roomHeld && declared >= 0 ? readDeclared(in, (int) declared)
                    : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                drain(in, max);
                throw tooLarge(max, -1);
            }
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            throw InvalidContentException.of("$", "starts with a byte order mark (EF BB BF); send UTF-8 without one");
        }
        return body;
    }

    /** The body of a request that declared its length: at most that many bytes, fewer if the client stopped early. */
    private static byte[] readDeclared(InputStream in, int declared) throws IOException {
        byte[] body = new byte[declared];
        int read = in.readNBytes(body, 0, declared);
        return read == declared ? body : Arrays.copyOf(body, read);
    }

    /** Reads and drops a body that will not be read, up to the limit, so that the client reads the answer. */
    public static void discard(HttpServletRequest request, DataSize limit) throws IOException {
        try (InputStream in = request.getInputStream()) {
            drain(in, limit.toBytes());
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound, so that a client still sending it reads the
     * 413 rather than a closed connection. Past the bound the container closes the connection anyway.
     */
    private static void drain(InputStream in, long upTo) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = upTo;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    /** Refuses bytes that are not UTF-8, or that hold a NUL (never valid in JSON, and a sign of UTF-16). */
    public static void requireUtf8(byte[] bytes, int from, int to, String field) {
        // ASCII, most of what publishers send, is UTF-8 as it is: one look at each byte, no decoding.
        int ascii = ByteScan.asciiEnd(bytes, from, to);
        if (ascii == to) {
            return;
        }
        for (int i = ascii; i < to; i++) {
            if (bytes[i] == 0) {
                throw InvalidContentException.of(field, "holds a NUL byte at byte " + (i - from)
                        + "; send UTF-8 JSON (UTF-16 is not accepted)");
            }
        }
        try {
            // A character starts where the ASCII ends.
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, ascii, to - ascii));
        } catch (CharacterCodingException e) {
            throw InvalidContentException.of(field, "is not valid UTF-8");
        }
    }

    private static void requireUtf8(String contentType) {
        Charset charset;
        try {
            charset = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException e) {
            throw unsupportedCharset(contentType);
        }
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw unsupportedCharset(contentType);
        }
    }

    private static BodyRefusedException unsupportedCharset(String contentType) {
        return new BodyRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset",
                "The body must be UTF-8; the request said '" + contentType + "'.");
    }

    private static BodyRefusedException tooLarge(long max, long declared) {
        return new BodyRefusedException(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                "The body may hold at most " + max + " bytes" + (declared > 0 ? "; it declared " + declared : "")
                        + ". Nothing was published. Split the content over several requests.");
    }
}
