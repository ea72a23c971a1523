package io.jeda.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "10, 5", "100, 200", "0.5, 3"})
    void aFullBucketAllowsExactlyItsBurstThenAsksToWait(double rate, int burst) {
        RateLimiter.Bucket b = new RateLimiter.Bucket(rate, burst);
        for (int i = 0; i < burst; i++) {
            assertEquals(0, b.take(), "request " + (i + 1) + " of the burst");
        }
        long wait = b.take();
        assertTrue(wait > 0, "over the burst");
        // The wait is about one token's worth at the rate (never more).
        assertTrue(wait <= Math.ceil(1000 / rate) + 1, "wait " + wait + " ms at rate " + rate);
    }

    @ParameterizedTest
    @CsvSource({"1000, 1"})
    void tokensComeBackAtTheRate(double rate, int burst) throws InterruptedException {
        RateLimiter.Bucket b = new RateLimiter.Bucket(rate, burst);
        assertEquals(0, b.take());
        Thread.sleep(20);
        assertEquals(0, b.take(), "a 1000/s bucket refills within 20 ms");
    }
}
