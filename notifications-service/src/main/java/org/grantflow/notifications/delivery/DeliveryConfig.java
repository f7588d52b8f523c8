package org.grantflow.notifications.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "grantflow.deliveries")
public interface DeliveryConfig {

    /** How often the dispatcher looks for deliveries that are due. */
    Duration pollInterval();

    /** Most deliveries attempted at once by one dispatcher run. */
    int batchSize();

    /** Attempts before a delivery is dead. */
    int maxAttempts();

    /** The wait after the first failure; it doubles after each further failure. */
    Duration initialBackOff();

    /** The longest wait between two attempts. */
    Duration maxBackOff();

    /** How long a recipient may take to answer. */
    Duration timeout();
}
