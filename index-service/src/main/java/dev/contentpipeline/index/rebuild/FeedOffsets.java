package dev.contentpipeline.index.rebuild;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far each version of the indices holds the topics, kept where Kafka keeps such things: as the committed offsets of
 * a consumer group of the version's own ({@code <group>.feed.<articles index>.<countries index>}). A rebuild's replay
 * commits there as it goes. When the aliases leave a version, it is given the live listener's committed offsets of
 * the moment before: everything below them was written through the aliases while they pointed at it. A rollback
 * replays from there, and so returns to a version that holds every write made since. An older record stays true
 * (nothing is ever taken out of a version): a record lost to a crash between the move and its writing costs a longer
 * replay, or the rollback (refused without any record), never a write.
 */
@Component
class FeedOffsets {

    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaAdmin kafkaAdmin;
    private final String liveGroup;

    FeedOffsets(KafkaAdmin kafkaAdmin, ConsumerFactory<String, byte[]> consumers) {
        this.kafkaAdmin = kafkaAdmin;
        this.liveGroup = String.valueOf(consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    String group(IndexPair pair) {
        return liveGroup + ".feed." + pair.articles() + "." + pair.countries();
    }

    /**
     * The live listener's committed offsets, read before the aliases leave a version: what the listener committed by
     * then, it wrote through the aliases into that version; what it writes later may land in either, and lies above.
     * A partition the listener never committed on counts from 0.
     */
    Map<TopicPartition, OffsetAndMetadata> liveReach(Collection<TopicPartition> partitions) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> live = admin.listConsumerGroupOffsets(liveGroup)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> reach = new HashMap<>();
            partitions.forEach(partition -> reach.put(partition,
                    live.get(partition) == null ? new OffsetAndMetadata(0) : live.get(partition)));
            return reach;
        } catch (ExecutionException | TimeoutException e) {
            throw new RebuildFailure("Could not read the offsets of the live consumer group " + liveGroup + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailure("Interrupted while reading the offsets of " + liveGroup, e);
        }
    }

    /**
     * Records that {@code left} holds the topics up to {@code reach}, read before the aliases left it. Called only
     * once they have: the move's {@code must_exist} proved the aliases stayed on {@code left} until then, so the
     * reach was read while it was live (a move that failed, as someone else's moved the aliases first, must not
     * overwrite what that one recorded).
     */
    void record(IndexPair left, Map<TopicPartition, OffsetAndMetadata> reach) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.alterConsumerGroupOffsets(group(left), reach).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RebuildFailure("Could not record how far " + left + " hold the topics (consumer group "
                    + group(left) + "), so they cannot be rolled back to: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailure("Interrupted while recording how far " + left + " hold the topics", e);
        }
    }

    /** Whether the pair's group has committed offsets: a rollback to it knows where to replay from. */
    boolean known(IndexPair pair) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            return !admin.listConsumerGroupOffsets(group(pair)).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            throw new RebuildFailure("Could not read the consumer group " + group(pair) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailure("Interrupted while reading the consumer group " + group(pair), e);
        }
    }
}
