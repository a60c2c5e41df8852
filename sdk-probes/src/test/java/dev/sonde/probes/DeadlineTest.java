package dev.sonde.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deadlines: monotonic, composable, and able to unblock calls that have no timeout of their own. */
class DeadlineTest {

    @Test
    void remainingNeverGoesBelowZeroAndSocketTimeoutsNeverBecomeInfinite() {
        Deadline past = Deadline.after(Duration.ZERO);

        assertThat(past.expired()).isTrue();
        assertThat(past.remaining()).isZero();
        assertThat(past.remainingMillisAtLeastOne()).isEqualTo(1);
    }

    @Test
    void theEarlierDeadlineWins() {
        Deadline overall = Deadline.after(Duration.ofMillis(50));
        Deadline perProbe = Deadline.after(Duration.ofSeconds(30));

        assertThat(perProbe.orEarlier(overall)).isSameAs(overall);
        assertThat(overall.orEarlier(perProbe)).isSameAs(overall);
        assertThat(perProbe.orEarlier(Duration.ofMillis(10)).remaining()).isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aGuardClosesTheResourceAtExpiryUnlessClosedFirst() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Closeable resource = closed::countDown;
        CountDownLatch neverClosed = new CountDownLatch(1);

        Deadline.after(Duration.ofMillis(20)).closeAtExpiry(resource);
        try (Deadline.Guard g = Deadline.after(Duration.ofMillis(20)).closeAtExpiry(neverClosed::countDown)) {
            assertThat(g).isNotNull();
        }

        assertThat(closed.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(neverClosed.await(100, TimeUnit.MILLISECONDS)).isFalse();
    }
}
