package dev.contentpipeline.ingest.bulk;

import dev.contentpipeline.ingest.IngestProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the bytes of bulk bodies in flight ({@code ingest.limits.bulk-bytes-in-flight}): a bulk request claims
 * room for its body before reading it and gives it back once its records are acknowledged, so that many clients
 * sending large bulks at once slow each other down instead of running the service out of heap.
 */
@Component
class BulkAdmission {

    private static final long KIB = 1024;

    private final Semaphore kibibytes;
    private final int capacity;
    private final long largestBody;

    BulkAdmission(IngestProperties properties) {
        this.capacity = (int) Math.min(Integer.MAX_VALUE,
                ceilKib(properties.limits().bulkBytesInFlight().toBytes()));
        this.kibibytes = new Semaphore(this.capacity, true);
        this.largestBody = properties.limits().maxBulkSize().toBytes();
    }

    /** Room for one body, given back on {@link Room#close()}. */
    interface Room extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * @param declaredLength the request's Content-Length, -1 when it has none: it then claims the largest body
     *        allowed. A body larger than the whole budget claims all of it, so it still goes through, alone
     * @return the room, or null if there was none within {@code wait}
     */
    Room claim(long declaredLength, Duration wait) throws InterruptedException {
        long bytes = declaredLength < 0 ? this.largestBody : Math.min(declaredLength, this.largestBody);
        int claimed = (int) Math.min(this.capacity, Math.max(1, ceilKib(bytes)));
        if (!this.kibibytes.tryAcquire(claimed, wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        return () -> this.kibibytes.release(claimed);
    }

    /** Bytes not claimed at the moment, for the tests. */
    long available() {
        return this.kibibytes.availablePermits() * KIB;
    }

    private static long ceilKib(long bytes) {
        return (bytes + KIB - 1) / KIB;
    }
}
