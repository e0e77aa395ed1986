package dev.contentpipeline.ingest.requests;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The scans eight bytes at a time find what a byte-at-a-time loop finds, wherever the byte sits. */
class ByteScanTests {

    @Test
    void findsWhatALoopFinds() {
        Random random = new Random(38);
        byte[] alphabet = {'a', ' ', '\n', '\r', 0, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, 0x7F, (byte) (0x0A ^ 0x80), 0x01};
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            // Mostly plain text, so that whole words of eight bytes pass and the byte sought sits anywhere in one.
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)]
                        : (byte) (0x20 + random.nextInt(0x5F));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            assertThat(ByteScan.indexOf(bytes, from, to, (byte) '\n')).isEqualTo(loopIndexOf(bytes, from, to));
            assertThat(ByteScan.asciiEnd(bytes, from, to)).isEqualTo(loopAsciiEnd(bytes, from, to));
        }
    }

    private static int loopIndexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    private static int loopAsciiEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] <= 0) {
                return i;
            }
        }
        return to;
    }
}
