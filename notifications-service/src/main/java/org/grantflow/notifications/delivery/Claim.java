package org.grantflow.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Deliveries claimed by this instance, to be sent by {@code sendBy}; no other instance takes them
 * over until {@code heldUntil}, a while later, which leaves time to record what was sent.
 */
public record Claim<T>(List<T> deliveries, Instant sendBy, Instant heldUntil) {

    /** The same claim, of what each delivery becomes. */
    public <R> Claim<R> map(Function<T, R> mapping) {
        return new Claim<>(deliveries.stream().map(mapping).toList(), sendBy, heldUntil);
    }

    /**
     * Hands the deliveries, in order, to {@code send} while the claim leaves time for one more send
     * that takes up to {@code timeout}: a send the claim may not outlast is not started, as another
     * instance could be sending the same delivery after the claim lapsed.
     *
     * @return those there was no time for, to be {@linkplain DeliveryService#release released}
     */
    public List<T> sendWhileTimeLeft(Duration timeout, Clock clock, Consumer<T> send) {
        for (int i = 0; i < deliveries.size(); i++) {
            if (clock.instant().plus(timeout).isAfter(sendBy)) {
                return deliveries.subList(i, deliveries.size());
            }
            send.accept(deliveries.get(i));
        }
        return List.of();
    }
}
