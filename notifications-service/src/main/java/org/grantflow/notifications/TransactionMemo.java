package org.grantflow.notifications;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.transaction.TransactionScoped;

/**
 * What the current transaction has already looked up or done, forgotten when it ends. A batch of
 * events reads the webhooks, contacts and bids its events need in one query each and answers each
 * event from here, and takes each advisory lock once. Only for what nothing else can change while
 * the transaction lasts (because of a lock it holds, or because a later change would be a later
 * event), or what it changes only through the same owner, which keeps its map up to date.
 */
@TransactionScoped
public class TransactionMemo {

    private final Map<String, Map<?, ?>> maps = new HashMap<>();

    /** The transaction's map of that name, empty at first. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> map(String name) {
        return (Map<K, V>) maps.computeIfAbsent(name, n -> new HashMap<>());
    }

    /**
     * Looks up the keys the transaction's map of that name does not hold yet, all in one call of
     * {@code lookUp}, and keeps the answers; a key it does not answer is kept as {@code absent}.
     */
    public <K, V> void lookUp(String name, Collection<K> keys, V absent, Function<List<K>, Map<K, V>> lookUp) {
        Map<K, V> known = map(name);
        List<K> unknown = keys.stream().filter(key -> !known.containsKey(key)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(key -> known.put(key, absent));
        known.putAll(lookUp.apply(unknown));
    }

    /** The value of one key, looked up as {@link #lookUp} does unless the transaction already knows it. */
    public <K, V> V get(String name, K key, V absent, Function<List<K>, Map<K, V>> lookUp) {
        lookUp(name, List.of(key), absent, lookUp);
        return this.<K, V>map(name).get(key);
    }
}
