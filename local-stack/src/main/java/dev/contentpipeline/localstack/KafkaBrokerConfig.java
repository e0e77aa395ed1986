package dev.contentpipeline.localstack;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/**
 * server.properties of a one-node KRaft cluster listening on 127.0.0.1. Three settings cut what the broker costs
 * while it waits (README, round 21): the controller's no-op records every 5 s instead of every 500 ms (each one is
 * appended to the metadata log and read back), 4 request handlers instead of 8 and 1 group coordinator thread instead
 * of 4 (each idle thread polls its queue a few times a second); docker-compose.yml sets the same.
 */
final class KafkaBrokerConfig {

    private KafkaBrokerConfig() {
    }

    static String render(int port, int controllerPort, Path dataDirectory) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                metadata.max.idle.interval.ms=5000
                num.io.threads=4
                group.coordinator.threads=1
                """.formatted(port, controllerPort, dataDirectory);
    }

    /** A cluster id as Kafka writes them: 16 random bytes, URL-safe Base64 without padding, not starting with '-'. */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
