package org.grantflow.notifications;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every event type this service reads becomes the right notifications, in plain English. */
@QuarkusTest
class EventNotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aRoundOpeningTellsTheAssessorsItsDeadlineInUkLocalTimeWithTheDay() {
        UUID round = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Road Safety round 2",
                Instant.parse("2017-04-07T16:00:00Z")));

        awaitOne("assessor", "assessors", "ROUND_OPENED", round)
                .body("items[0].audience", equalTo("ASSESSORS"))
                .body("items[0].subject", equalTo("Round opened: Road Safety round 2"))
                .body("items[0].body", containsString("of the Fly-Tipping Fund (2016/17)"))
                .body("items[0].body", containsString("It closes at 17:00 on Friday 7 April 2017 (UK time)."));
    }

    @Test
    void aWithdrawnBidTellsItsApplicantWithTheTitleAndReason() {
        String organisation = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidDrafted(UUID.randomUUID(), bid, round, organisation, "Skip amnesty"));
        Fixtures.sendBidEvent(bid, Fixtures.bidWithdrawn(UUID.randomUUID(), bid, round, organisation,
                "Skip amnesty", "Match funding fell through"));

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation)
                .queryParam("kind", "BID_WITHDRAWN").get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].bidId", equalTo(bid.toString()))
                .body("items[0].subject", equalTo("Bid withdrawn: Skip amnesty"))
                .body("items[0].body", containsString("was withdrawn on Thursday 10 November 2016 at 10:30 (UK time)"))
                .body("items[0].body", containsString("Reason given: Match funding fell through")));
    }

    @Test
    void aCommitmentMadeConfirmsTheAwardToTheApplicantAndTellsFinance() {
        String organisation = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Fly-Tipping round",
                Instant.parse("2016-11-18T17:00:00Z")));
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, round, organisation, "Cameras"));
        awaitKind(organisation, "BID_SUBMITTED");
        // The round and bid topics are not ordered with each other: the fund's name comes with the round.
        awaitOne("assessor", "assessors", "ROUND_OPENED", round);
        Fixtures.sendCommitmentEvent(bid,
                Fixtures.commitment(Fixtures.COMMITMENT_MADE, UUID.randomUUID(), bid, organisation));

        awaitKind(organisation, "AWARD_CONFIRMED")
                .body("items[0].subject", equalTo("Award confirmed: Cameras"))
                .body("items[0].body", containsString("£12,000.00 has been awarded to your bid \"Cameras\""))
                .body("items[0].body", containsString("in the round \"Fly-Tipping round\""))
                .body("items[0].body", containsString("- 2016/17: £12,000.00"))
                .body("items[0].body", containsString("Monday 12 December 2016 at 10:15"));
        awaitOne("finance", "finance", "COMMITMENT_MADE", round)
                .body("items[0].audience", equalTo("FINANCE"))
                .body("items[0].subject", equalTo("Commitment made: £12,000.00 for Cameras"))
                .body("items[0].body", containsString("committed against the Fly-Tipping Fund"))
                .body("items[0].body", containsString("by " + organisation));
        // The partner sees its own award, never what was written for finance.
        Fixtures.asPartner(organisation).get("/api/v1/notifications").then()
                .body("items.kind", not(org.hamcrest.Matchers.hasItem("COMMITMENT_MADE")));
    }

    @Test
    void aCommitmentRefusedTellsAssessorsAndFinanceWhyWithTheShortfall() {
        String organisation = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Refused round",
                Instant.parse("2016-11-18T17:00:00Z")));
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, round, organisation, "Barriers"));
        awaitKind(organisation, "BID_SUBMITTED");
        awaitOne("assessor", "assessors", "ROUND_OPENED", round);
        Fixtures.sendCommitmentEvent(bid,
                Fixtures.commitment(Fixtures.COMMITMENT_REFUSED, UUID.randomUUID(), bid, organisation));

        for (String team : new String[] { "assessors", "finance" }) {
            awaitOne("admin", team, "COMMITMENT_REFUSED", round)
                    .body("items[0].subject", equalTo("Award refused: Barriers"))
                    .body("items[0].body", containsString("The award of £12,000.00 to the bid \"Barriers\" by "
                            + organisation + " could not be committed against the Fly-Tipping Fund"))
                    .body("items[0].body", containsString("Reason: The fund has £4,000.00 available in 2016/17"))
                    .body("items[0].body", containsString("- 2016/17: needs £12,000.00, £4,000.00 available"));
        }
        Fixtures.asPartner(organisation).queryParam("kind", "COMMITMENT_REFUSED").get("/api/v1/notifications")
                .then().body("total", equalTo(0));
    }

    private static ValidatableResponse awaitKind(String organisation, String kind) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation).queryParam("kind", kind)
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(1)));
        return Fixtures.asPartner(organisation).queryParam("kind", kind).get("/api/v1/notifications").then();
    }

    /** The one notification of a kind filed under a recipient about a round. */
    private static ValidatableResponse awaitOne(String role, String recipient, String kind, UUID round) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as(role).queryParam("organisationId", recipient)
                .queryParam("kind", kind).queryParam("roundId", round).get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1)));
        return Fixtures.as(role).queryParam("organisationId", recipient).queryParam("kind", kind)
                .queryParam("roundId", round).get("/api/v1/notifications").then();
    }
}
