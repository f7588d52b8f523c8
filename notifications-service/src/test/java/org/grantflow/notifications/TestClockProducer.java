package org.grantflow.notifications;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.grantflow.infra.testing.MutableClock;

/** Replaces the service's clock with one the tests move. */
public class TestClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MutableClock clock() {
        return new MutableClock(Instant.parse("2016-11-18T09:00:00Z"));
    }
}
