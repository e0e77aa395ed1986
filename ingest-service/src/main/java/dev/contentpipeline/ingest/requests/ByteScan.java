package dev.contentpipeline.ingest.requests;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of a request body's bytes eight at a time (one {@code long} each, its bytes tested together), for the loops
 * that look at every byte of a body: the ASCII check before UTF-8 is decoded, and the line breaks of a bulk body. On
 * C1, the compiler ingest-service runs on, a byte at a time costs about four times as much.
 */
public final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;

    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** The index of the first {@code value} from {@code from}, before {@code to}; {@code to} when there is none. */
    public static int indexOf(byte[] bytes, int from, int to, byte value) {
        long repeated = (value & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (hasZeroByte((long) LONGS.get(bytes, i) ^ repeated)) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return to;
    }

    /** The index of the first byte from {@code from} that is not ASCII or is NUL; {@code to} when there is none. */
    public static int asciiEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long eight = (long) LONGS.get(bytes, i);
            if ((eight & HIGH_BITS) != 0 || hasZeroByte(eight)) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] <= 0) {
                return i;
            }
        }
        return to;
    }

    /** Whether any of the eight bytes is zero (exact: a borrow can flag a byte only above a zero byte). */
    private static boolean hasZeroByte(long eight) {
        return ((eight - ONES) & ~eight & HIGH_BITS) != 0;
    }
}
