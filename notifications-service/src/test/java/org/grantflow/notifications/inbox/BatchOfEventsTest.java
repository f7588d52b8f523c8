package org.grantflow.notifications.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.infra.testing.MutableClock;
import org.grantflow.notifications.Fixtures;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch of events applied in one transaction leaves the rows that applying them one by one would:
 * events of the same bid and organisation build on each other, a repeated event counts once, and
 * each notification's delivery goes to the addresses its own event carried.
 */
@QuarkusTest
class BatchOfEventsTest {

    @Inject
    Events events;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Test
    void eventsOfOneBidAndOneOrganisationInOneBatchBuildOnEachOther() {
        String organisation = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        UUID otherBid = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String firstEvent = Fixtures.withContactEmails(
                Fixtures.bidSubmitted(first, bid, round, organisation, "Bid one"), "bids@one.test");

        events.applyAll(List.of(
                event(Fixtures.bidDrafted(UUID.randomUUID(), bid, round, organisation, "Draft of bid one")),
                event(firstEvent),
                event(Fixtures.withContactEmails(Fixtures.bidSubmitted(second, otherBid, round, organisation,
                        "Bid two"), "bids@one.test")),
                event(firstEvent),
                event(Fixtures.withContactEmails(Fixtures.bidSubmitted(third, otherBid, round, organisation,
                        "Bid two again"), "grants@one.test", "chair@one.test"))));

        assertEquals(List.of("SUBMITTED|Bid one", "SUBMITTED|Bid two again"), rows("""
                SELECT status || '|' || title FROM known_bid WHERE organisation_id = :org ORDER BY title""",
                organisation));
        assertEquals(List.of(first + "|Bid received: Bid one|PENDING",
                second + "|Bid received: Bid two|PENDING",
                third + "|Bid received: Bid two again|PENDING"), rows("""
                        SELECT source_event_id || '|' || subject || '|' || status FROM notification
                        WHERE organisation_id = :org ORDER BY subject""", organisation));
        assertEquals(List.of("EMAIL|bids@one.test", "EMAIL|bids@one.test", "EMAIL|grants@one.test,chair@one.test"),
                rows("""
                        SELECT d.channel || '|' || d.target FROM delivery d JOIN notification n ON n.id = d.notification_id
                        WHERE d.organisation_id = :org ORDER BY n.subject""", organisation));
        assertEquals(List.of("grants@one.test,chair@one.test"), rows(
                "SELECT emails FROM organisation_contact WHERE organisation_id = :org", organisation));
    }

    @Test
    void repeatedAddressesAreNotWrittenAgainButNewOnesReplaceThem() {
        String organisation = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        clock.set(Instant.parse("2026-11-02T09:00:00Z"));
        events.applyAll(List.of(submitted(round, organisation, "bids@two.test")));
        clock.advance(Duration.ofHours(1));
        events.applyAll(List.of(submitted(round, organisation, "bids@two.test"),
                submitted(round, organisation, "bids@two.test")));
        assertEquals(List.of("bids@two.test|2026-11-02T09:00:00Z"), contact(organisation));

        clock.advance(Duration.ofHours(1));
        events.applyAll(List.of(submitted(round, organisation, "new@two.test"),
                submitted(round, organisation, "new@two.test")));
        assertEquals(List.of("new@two.test|2026-11-02T11:00:00Z"), contact(organisation));
        assertEquals(5, rows("SELECT target FROM delivery WHERE organisation_id = :org", organisation).size());
    }

    private IncomingEvent submitted(UUID round, String organisation, String email) {
        UUID bid = UUID.randomUUID();
        return event(Fixtures.withContactEmails(
                Fixtures.bidSubmitted(UUID.randomUUID(), bid, round, organisation, "Bid " + bid), email));
    }

    private List<String> contact(String organisation) {
        return rows("""
                SELECT emails || '|' || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                FROM organisation_contact WHERE organisation_id = :org""", organisation);
    }

    private IncomingEvent event(String text) {
        return IncomingEvent.parse(json, text);
    }

    private List<String> rows(String sql, String organisation) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql, String.class)
                .setParameter("org", organisation).getResultList().stream().map(String.class::cast).toList());
    }
}
