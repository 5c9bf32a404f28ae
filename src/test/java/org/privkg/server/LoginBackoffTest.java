package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {
    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theWaitDoublesAfterTheFreeFailuresAndARightPasswordClearsIt() {
        Hand clock = new Hand();
        LoginBackoff b = new LoginBackoff(clock);
        for (int i = 0; i < LoginBackoff.FREE_FAILURES - 1; i++) b.failed("10.0.0.1");
        assertEquals(0, b.waitSeconds("10.0.0.1"), "four wrong passwords cost nothing");
        b.failed("10.0.0.1");
        assertEquals(1, b.waitSeconds("10.0.0.1"));
        b.failed("10.0.0.1");
        assertEquals(2, b.waitSeconds("10.0.0.1"));
        b.failed("10.0.0.1");
        assertEquals(4, b.waitSeconds("10.0.0.1"));
        assertEquals(0, b.waitSeconds("10.0.0.2"), "other addresses are not slowed");
        for (int i = 0; i < 20; i++) b.failed("10.0.0.1");
        assertEquals(LoginBackoff.MAX_WAIT_SECONDS, b.waitSeconds("10.0.0.1"), "capped");
        clock.now = clock.now.plus(Duration.ofSeconds(LoginBackoff.MAX_WAIT_SECONDS));
        assertEquals(0, b.waitSeconds("10.0.0.1"), "the wait runs out");
        b.succeeded("10.0.0.1");
        b.failed("10.0.0.1");
        assertEquals(0, b.waitSeconds("10.0.0.1"), "a right password starts the count again");
    }
}
