package dev.contentpipeline.index.indexing;

import dev.contentpipeline.model.InvalidContentException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Which poison records go to the dead-letter topic when the same records are polled again. */
class DeadLetterSenderTests {

    private final DeadLetterPublishingRecoverer recoverer = mock(DeadLetterPublishingRecoverer.class);
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final AtomicLong nanoTime = new AtomicLong();
    private final DeadLetterSender sender = new DeadLetterSender(recoverer, new SimpleMeterRegistry(), nanoTime::get);

    @Test
    void recordsPolledAgainFromBeforeTheirBatchAreNotSentTwice() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(record(0, 5), record(0, 6), record(0, 7));
        sender.send(List.of(letter(batch.get(1))), batch, consumer);
        // The partition read again from an earlier commit: the batch comes back, inside a longer one.
        List<ConsumerRecord<String, byte[]>> again = List.of(record(0, 3), record(0, 4), batch.get(0), batch.get(1));
        sender.send(List.of(letter(batch.get(1))), again, consumer);

        verify(recoverer, times(1)).accept(same(batch.get(1)), any(), any());
    }

    @Test
    void batchesReadAgainFromACommitSeveralBatchesBackDoNotSendTheirLettersTwice() {
        ConsumerRecord<String, byte[]> poison = record(0, 5);
        sender.send(List.of(letter(poison)), List.of(record(0, 4), poison), consumer);
        nanoTime.addAndGet(Duration.ofMillis(300).toNanos());
        sender.send(List.of(), List.of(record(0, 6), record(0, 7)), consumer);
        // The partition lost before the container's next commit, and given back: read again from offset 4.
        sender.send(List.of(letter(poison)), List.of(record(0, 4), poison, record(0, 6), record(0, 7)), consumer);

        verify(recoverer, times(1)).accept(same(poison), any(), any());
    }

    @Test
    void lettersAreForgottenOnceTheirPartitionsBatchesStartBeyondThemAfterTheirCommitAndOnlyThen() {
        ConsumerRecord<String, byte[]> onZero = record(0, 5);
        ConsumerRecord<String, byte[]> onOne = record(1, 5);
        sender.send(List.of(letter(onZero), letter(onOne)), List.of(onZero, onOne), consumer);
        nanoTime.addAndGet(DeadLetterSender.KEEP.toNanos() + 1);
        // Partition 0 moves on; partition 1 is not in this batch, so its letter stays remembered.
        sender.send(List.of(), List.of(record(0, 6)), consumer);
        sender.send(List.of(letter(onZero), letter(onOne)), List.of(onZero, onOne), consumer);

        verify(recoverer, times(2)).accept(same(onZero), any(), any());
        verify(recoverer, times(1)).accept(same(onOne), any(), any());
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("tests.articles", partition, offset, "key-" + partition + "-" + offset,
                new byte[] {'x'});
    }

    private static DeadLetterSender.Letter letter(ConsumerRecord<String, byte[]> record) {
        return new DeadLetterSender.Letter(record,
                InvalidContentException.of("body", "not valid (made so by the test)"));
    }
}
