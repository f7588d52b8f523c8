package org.grantflow.funds;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.grantflow.infra.KafkaBroker;
import org.grantflow.infra.testing.TestInfrastructure;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxOutageTest {

    private static final String CREATED = "grantflow.fund.created.v1";

    @Inject
    Fixtures fixtures;

    @Test
    void aBrokerOutageDelaysTheFundCreatedEventButLosesNothing() {
        KafkaBroker broker = TestInfrastructure.get().broker();
        String fundId;
        broker.stop();
        try {
            fundId = Fixtures.createFund(Fixtures.uniqueCode());

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> fixtures.outboxEvent(CREATED, fundId).publishedAt == null);
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> fixtures.outboxEvent(CREATED, fundId).publishedAt != null);
        assertTrue(TestKafka.find("funds.fund.events", r -> fundId.equals(r.key()), Duration.ofSeconds(30))
                .isPresent(), "the event of fund " + fundId + " reached Kafka after the outage");
    }
}
