package org.grantflow.grants.bid;

import static org.awaitility.Awaitility.await;
import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.grantflow.grants.Fixtures;
import org.grantflow.infra.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Submissions waiting together are written together, and one that fails does not take the others with it. */
@QuarkusTest
class SubmissionQueueTest {

    @Inject
    SubmissionQueue queue;
    @Inject
    BidService bids;
    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;

    private final ExecutorService portals = Executors.newFixedThreadPool(6);
    private String round;
    private String organisation;

    @BeforeEach
    void anOpenRound() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
        round = Fixtures.round(fixtures.fund("Fly-Tipping Fund"), "2016-11-18T17:00:00");
        organisation = "district-" + UUID.randomUUID();
    }

    @AfterEach
    void closePortals() {
        portals.shutdownNow();
    }

    @Test
    void writesTheRestOfAGroupWhenOneOfItsSubmissionsFails() throws Exception {
        List<UUID> drafts = List.of(draft(), draft(), draft(), draft(), draft());
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch letWriterGo = new CountDownLatch(1);
        // The first submission holds the writer until the others wait behind it, so they form one group.
        Future<BidView> first = portals.submit(() -> queue.submit(drafts.get(0), draft -> {
            writerBusy.countDown();
            hold(letWriterGo);
            return bids.decide(draft, "partner-user", organisation);
        }));
        assertTrue(writerBusy.await(30, TimeUnit.SECONDS));
        List<Future<BidView>> group = new ArrayList<>();
        for (UUID id : drafts.subList(1, 4)) {
            group.add(portals.submit(() -> queue.submit(id, draft -> bids.decide(draft, "partner-user", organisation))));
        }
        Future<BidView> broken = portals.submit(() -> queue.submit(drafts.get(4), draft -> {
            throw new IllegalStateException("broken decision");
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.waiting() == 4);
        letWriterGo.countDown();

        assertEquals(BidStatus.SUBMITTED, first.get(30, TimeUnit.SECONDS).status());
        for (Future<BidView> submitted : group) {
            assertEquals(BidStatus.SUBMITTED, submitted.get(30, TimeUnit.SECONDS).status());
        }
        ExecutionException failure = assertThrows(ExecutionException.class, () -> broken.get(30, TimeUnit.SECONDS));
        Throwable cause = failure.getCause();
        while (cause.getCause() != null && !"broken decision".equals(cause.getMessage())) {
            cause = cause.getCause();
        }
        assertEquals("broken decision", cause.getMessage());
        for (UUID id : drafts.subList(0, 4)) {
            asPartner(organisation).get("/api/v1/bids/" + id).then().body("status", equalTo("SUBMITTED"));
        }
        asPartner(organisation).get("/api/v1/bids/" + drafts.get(4)).then().body("status", equalTo("DRAFT"))
                .header("ETag", "\"0\"");
    }

    @Test
    void answersAnUnknownBidWithNotFound() {
        UUID unknown = UUID.randomUUID();
        asPartner(organisation).post("/api/v1/bids/" + unknown + "/submit").then().statusCode(404)
                .body("detail", equalTo("No bid with id " + unknown));
    }

    private UUID draft() {
        return UUID.fromString(asPartner(organisation)
                .body(Map.of("roundId", round, "title", "Cameras at fly-tipping hot spots",
                        "amountRequested", "5000.00", "totalProjectCost", "16000.00"))
                .post("/api/v1/bids").then().statusCode(201).extract().path("id"));
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test did not release the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
