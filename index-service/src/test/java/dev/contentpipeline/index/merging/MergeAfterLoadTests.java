package dev.contentpipeline.index.merging;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class MergeAfterLoadTests {

    private static final long TWO_GB = DataSize.ofGigabytes(2).toBytes();

    @Test
    void aimsAtOneSegmentPerSegmentSizeRoundedUpAndNeverNone() {
        assertThat(MergeAfterLoad.target(0, TWO_GB)).isEqualTo(1);
        assertThat(MergeAfterLoad.target(DataSize.ofMegabytes(560).toBytes(), TWO_GB)).isEqualTo(1);
        assertThat(MergeAfterLoad.target(TWO_GB, TWO_GB)).isEqualTo(1);
        assertThat(MergeAfterLoad.target(TWO_GB + 1, TWO_GB)).isEqualTo(2);
        assertThat(MergeAfterLoad.target(DataSize.ofGigabytes(9).toBytes(), TWO_GB)).isEqualTo(5);
    }
}
