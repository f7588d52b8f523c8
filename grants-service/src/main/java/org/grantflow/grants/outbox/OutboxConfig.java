package org.grantflow.grants.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "grantflow.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service emits. */
    String source();

    /** How long the relay rests once the outbox holds less than a batch. */
    Duration pollInterval();

    /** Most events published in one relay transaction. */
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again later. */
    Duration sendTimeout();
}
