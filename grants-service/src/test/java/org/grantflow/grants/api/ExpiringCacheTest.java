package org.grantflow.grants.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void answersFromMemoryUntilTheEntryIsEvicted() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofHours(1), 10);

        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("a#1", cache.get("a", this::load));
        cache.evict("a");
        assertEquals("a#2", cache.get("a", this::load));
    }

    @Test
    void loadsAgainOnceTheTimeToLiveHasPassed() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ZERO, 10);

        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("a#2", cache.get("a", this::load));
    }

    @Test
    void keepsNothingWhenTheLoaderFails() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofHours(1), 10);

        assertThrows(IllegalStateException.class, () -> cache.get("a", k -> {
            throw new IllegalStateException("no such thing");
        }));
        assertEquals("a#1", cache.get("a", this::load));
    }

    @Test
    void startsAfreshRatherThanGrowPastItsBound() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofHours(1), 2);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);

        assertEquals("a#4", cache.get("a", this::load));
    }
}
