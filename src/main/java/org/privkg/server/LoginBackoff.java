package org.privkg.server;

import java.time.Clock;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} wrong passwords in a row from one address,
 * that address must wait before its next try, twice as long after each further failure (1 s, 2 s, 4 s …
 * up to {@value #MAX_WAIT_SECONDS} s). A right password clears the count.
 */
final class LoginBackoff {
    static final int FREE_FAILURES = 5;
    static final long MAX_WAIT_SECONDS = 60;
    /** Addresses remembered at most; the least used are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, long notBeforeMillis) {
    }

    private final Clock clock;
    private final Cache<String, Failures> byAddress = CacheFactory.createCache(MAX_ADDRESSES);

    LoginBackoff() {
        this(Clock.systemUTC());
    }

    LoginBackoff(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the address must still wait before it may try a password; 0 when it may now. */
    synchronized long waitSeconds(String address) {
        Failures f = byAddress.getIfPresent(address);
        if (f == null) return 0;
        long left = f.notBeforeMillis - clock.millis();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    /**
     * Takes one try for the address, atomically: 0 when it may try now (the try counts as a failure until
     * {@link #succeeded} clears it, so parallel requests cannot all slip through one window), else the
     * seconds it must still wait.
     */
    synchronized long attempt(String address) {
        long wait = waitSeconds(address);
        if (wait == 0) failed(address);
        return wait;
    }

    synchronized void failed(String address) {
        Failures f = byAddress.getIfPresent(address);
        int count = f == null ? 1 : f.count + 1;
        long waitMillis = count < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_SECONDS, 1L << Math.min(count - FREE_FAILURES, 30)) * 1000;
        byAddress.put(address, new Failures(count, clock.millis() + waitMillis));
    }

    synchronized void succeeded(String address) {
        byAddress.remove(address);
    }
}
