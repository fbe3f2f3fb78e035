package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static long ms(long n) {
        return n * 1_000_000L;
    }

    @Test
    void nearestRankOnTwentySamplesGivenOutOfOrder() {
        long[] samples = new long[20];
        for (int i = 0; i < 20; i++) {
            samples[i] = ms(20 - i); // 20 ms down to 1 ms
        }
        LatencyStats stats = new LatencyStats(samples);
        assertThat(stats.percentileMs(50)).isEqualTo(10.0);  // ceil(0.50 * 20) = 10th
        assertThat(stats.percentileMs(95)).isEqualTo(19.0);  // ceil(0.95 * 20) = 19th
        assertThat(stats.percentileMs(99)).isEqualTo(20.0);  // ceil(0.99 * 20) = 20th
        assertThat(stats.percentileMs(100)).isEqualTo(20.0);
        assertThat(stats.count()).isEqualTo(20);
    }

    @Test
    void nearestRankPicksAnActualSampleNeverAnInterpolation() {
        LatencyStats stats = new LatencyStats(new long[] {ms(1), ms(100), ms(3), ms(2)});
        assertThat(stats.percentileMs(50)).isEqualTo(2.0);   // 2nd of 4
        assertThat(stats.percentileMs(95)).isEqualTo(100.0); // 4th of 4
        assertThat(stats.percentileMs(1)).isEqualTo(1.0);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencyStats stats = new LatencyStats(new long[] {1_500_000L});
        assertThat(stats.percentileMs(50)).isEqualTo(1.5);
        assertThat(stats.percentileMs(99)).isEqualTo(1.5);
    }

    @Test
    void rejectsNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> new LatencyStats(new long[0])).isInstanceOf(IllegalArgumentException.class);
        LatencyStats stats = new LatencyStats(new long[] {1});
        assertThatThrownBy(() -> stats.percentileMs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.percentileMs(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
