package dev.contentpipeline.index.deadletters;

/**
 * A dead-lettered record as the dead-letter API shows it: where it is, where it came from, why, and its value -
 * in a listing only the first {@code index.dead-letters.excerpt-bytes} of it, whole when read by position.
 *
 * @param size the value's size in bytes
 * @param value the value (or its excerpt) as text when it is valid UTF-8, else null
 * @param valueBase64 the value's bytes (or the excerpt's)
 * @param truncated whether {@code value} and {@code valueBase64} hold only the beginning
 * @param redriven who re-drove it and when, or null
 */
record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                  Integer originalPartition, Long originalOffset, String reason, String exception, long timestamp,
                  int size, String value, String valueBase64, boolean truncated, RedriveLedger.Redrive redriven) {
}
