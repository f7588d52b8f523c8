package org.grantflow.grants.api;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values that may be read again for a short time without asking the database: each entry is forgotten after its
 * time to live, and at once when this instance changes it. Another instance's change shows here within that time.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLive;
    private final int maxEntries;

    public ExpiringCache(Duration timeToLive, int maxEntries) {
        this.timeToLive = timeToLive.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached value, or what {@code loader} gives now; a loader that throws caches nothing. */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + timeToLive));
        return value;
    }

    public void evict(K key) {
        entries.remove(key);
    }
}
