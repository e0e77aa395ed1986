package dev.contentpipeline.index.deadletters;

/**
 * A dead-lettered record as the dead-letter API lists it. {@code value} is the original value as text when it is
 * valid UTF-8, else null; {@code valueBase64} always holds the original bytes.
 */
record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                  Integer originalPartition, Long originalOffset, String reason, String exception, long timestamp,
                  int size, String value, String valueBase64) {
}
