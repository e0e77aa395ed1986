package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes records keyed by id, one topic per content type, and returns only once the broker acknowledged
 * the write (acks=all, idempotent producer). A delete is a tombstone carrying its version in a header.
 */
@Component
public class ContentPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;
    private final VersionClock versions = new VersionClock(java.time.Clock.systemUTC());

    ContentPublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    public Receipt publish(Article article) {
        Article versioned = article.version() != null ? article : article.withVersion(versions.next());
        return send(ContentType.ARTICLE, versioned.id(), ContentJson.write(versioned), versioned.version());
    }

    public Receipt publish(Country country) {
        Country versioned = country.version() != null ? country : country.withVersion(versions.next());
        return send(ContentType.COUNTRY, versioned.code(), ContentJson.write(versioned), versioned.version());
    }

    public Receipt delete(ContentType type, String id, Long version) {
        return send(type, id, null, version != null ? version : versions.next());
    }

    private Receipt send(ContentType type, String id, byte[] value, long version) {
        String topic = type == ContentType.ARTICLE ? properties.topics().articles() : properties.topics().countries();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id, value);
        record.headers().add(ContentHeaders.VERSION, Long.toString(version).getBytes(StandardCharsets.UTF_8));
        try {
            RecordMetadata metadata = kafka.send(record)
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            return new Receipt(type.wireName(), id, version, metadata.topic(), metadata.partition(),
                    metadata.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException
                 | org.springframework.kafka.KafkaException e) {
            // KafkaTemplate.send throws Spring's KafkaException when the producer cannot even take the record
            // (metadata not available within max.block.ms while the broker restarts): that too is a 503.
            throw new PublishFailedException("the broker did not acknowledge the write within "
                    + properties.publishTimeout().toMillis() + " ms", e);
        }
    }
}
