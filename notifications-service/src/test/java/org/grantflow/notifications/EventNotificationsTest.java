package org.grantflow.notifications;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every event type this service reads becomes the right notifications for the right recipients, in
 * plain English: the documented examples, sent through the real broker.
 */
@QuarkusTest
class EventNotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EXAMPLE_TITLE = "Cameras at fly-tipping hot spots";

    @Test
    void aRoundOpeningTellsTheAssessorsItsDeadlineInUkLocalTimeWithTheDay() {
        UUID round = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Road Safety round 2",
                Instant.parse("2017-04-07T16:00:00Z")));

        awaitOne("assessor", "assessors", "ROUND_OPENED", round)
                .body("items[0].audience", equalTo("ASSESSORS"))
                .body("items[0].eventType", equalTo("grantflow.round.opened.v1"))
                .body("items[0].subject", equalTo("Round opened: Road Safety round 2"))
                .body("items[0].body", containsString("of the Fly-Tipping Fund (2016/17)"))
                .body("items[0].body", containsString("It closes at 17:00 on Friday 7 April 2017 (UK time)."))
                .body("items[0].body", containsString("Grants must be spent by Friday 31 March 2017."));
    }

    @Test
    void aRoundClosingTellsTheAssessorsHowManyBidCameAndThoseLeftWithADraftThatItIsTooLate() {
        String drafting = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidDrafted(UUID.randomUUID(), bid, round, drafting, "Late idea"));
        awaitKnownBid(drafting, bid, round);
        ObjectNode closed = Fixtures.example(Fixtures.ROUND_CLOSED, UUID.randomUUID(), round);
        Fixtures.data(closed).put("roundId", round.toString());
        Fixtures.sendRoundEvent(round, Fixtures.checked(closed));

        awaitOne("assessor", "assessors", "ROUND_CLOSED", round)
                .body("items[0].subject", equalTo("Round closed: Fly-Tipping Fund 2016/17"))
                .body("items[0].body", containsString("The round \"Fly-Tipping Fund 2016/17\" of the Fly-Tipping Fund "
                        + "closed at its deadline, 17:00 on Friday 18 November 2016 (UK time)."))
                .body("items[0].body", containsString("14 bids were submitted."));
        awaitKind(drafting, "ROUND_CLOSED")
                .body("items[0].roundId", equalTo(round.toString()))
                .body("items[0].body", containsString("Your draft bid was not submitted and cannot be considered:\n"
                        + "- Late idea"));
    }

    @Test
    void anOfficerClosingARoundEarlyIsNamedWithTheNote() {
        UUID round = UUID.randomUUID();
        ObjectNode closed = Fixtures.example(Fixtures.ROUND_CLOSED, UUID.randomUUID(), round);
        Fixtures.data(closed).put("roundId", round.toString()).put("reason", "CLOSED_BY_OFFICER")
                .put("closedBy", "grants-officer").put("note", "The pot is spent").put("closedAt",
                        "2017-06-01T11:00:00Z");
        Fixtures.sendRoundEvent(round, Fixtures.checked(closed));

        awaitOne("assessor", "assessors", "ROUND_CLOSED", round)
                .body("items[0].body", containsString("was closed early by grants-officer at 12:00 on Thursday 1 June "
                        + "2017 (UK time)."))
                .body("items[0].body", containsString("Note: The pot is spent"));
    }

    @Test
    void anIneligibleBidTellsItsApplicantEveryReason() {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, bidEvent(Fixtures.BID_INELIGIBLE, bid, organisation));

        awaitKind(organisation, "BID_INELIGIBLE")
                .body("items[0].eventType", equalTo(Fixtures.BID_INELIGIBLE))
                .body("items[0].subject", equalTo("Bid not eligible: " + EXAMPLE_TITLE))
                .body("items[0].body", containsString("to the round \"Fly-Tipping Fund 2016/17\", submitted on "
                        + "Thursday 17 November 2016 at 15:42 (UK time) for £12,500.00, does not meet the round's "
                        + "eligibility rules"))
                .body("items[0].body", containsString("The reason:\n- The grant may cover at most 75% of the "
                        + "£16,000.00 project cost, that is £12,000.00; this bid asks for £12,500.00 (78.13%)"));
    }

    @Test
    void aRejectedBidTellsItsApplicantWhy() {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, bidEvent(Fixtures.BID_REJECTED, bid, organisation));

        awaitKind(organisation, "BID_REJECTED")
                .body("items[0].subject", equalTo("Bid not successful: " + EXAMPLE_TITLE))
                .body("items[0].body", containsString("It was decided on Monday 12 December 2016 at 10:15 (UK time)."))
                .body("items[0].body", containsString("Reason: Scored 3.2 of 10; the evidence of need is weak"));
    }

    @Test
    void aWithdrawnBidTellsItsApplicantWithTheTitleAndReason() {
        String organisation = Fixtures.organisation();
        UUID round = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidDrafted(UUID.randomUUID(), bid, round, organisation, "Skip amnesty"));
        Fixtures.sendBidEvent(bid, Fixtures.bidWithdrawn(UUID.randomUUID(), bid, round, organisation,
                "Skip amnesty", "Match funding fell through"));

        awaitKind(organisation, "BID_WITHDRAWN")
                .body("items[0].bidId", equalTo(bid.toString()))
                .body("items[0].subject", equalTo("Bid withdrawn: Skip amnesty"))
                .body("items[0].body", containsString("was withdrawn on Thursday 10 November 2016 at 10:30 (UK time)"))
                .body("items[0].body", containsString("Reason given: Match funding fell through"));
    }

    @Test
    void anAwardedBidConfirmsTheAwardToItsApplicantWithTheDatesThatMatter() {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, bidEvent(Fixtures.BID_AWARDED, bid, organisation));

        awaitKind(organisation, "AWARD_CONFIRMED")
                .body("items[0].subject", equalTo("Award confirmed: " + EXAMPLE_TITLE))
                .body("items[0].body", containsString("Good news: £12,000.00 has been awarded to your bid \""
                        + EXAMPLE_TITLE + "\" in the round \"Fly-Tipping Fund 2016/17\"."))
                .body("items[0].body", containsString("- 2016/17: £12,000.00"))
                .body("items[0].body", containsString("confirmed on Monday 12 December 2016 at 10:15 (UK time)"))
                .body("items[0].body", containsString("The money must be spent by Friday 31 March 2017."))
                .body("items[0].body", containsString("Your project is due to end on Friday 17 March 2017, when an "
                        + "evaluation report is required."));
    }

    @Test
    void aCommitmentMadeTellsFinanceButNotTheApplicant() {
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

        awaitOne("finance", "finance", "COMMITMENT_MADE", round)
                .body("items[0].audience", equalTo("FINANCE"))
                .body("items[0].subject", equalTo("Commitment made: £12,000.00 for Cameras"))
                .body("items[0].body", containsString("committed against the Fly-Tipping Fund"))
                .body("items[0].body", containsString("by " + organisation))
                .body("items[0].body", containsString("- 2016/17: £12,000.00"))
                .body("items[0].body", containsString("Committed on Monday 12 December 2016 at 10:15 (UK time)."));
        // The applicant hears of its award from bid.awarded; it never sees what was written for finance.
        Fixtures.asPartner(organisation).get("/api/v1/notifications").then()
                .body("items.kind", not(hasItem("COMMITMENT_MADE")))
                .body("items.kind", not(hasItem("AWARD_CONFIRMED")));
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

    @Test
    void aPaymentTellsTheApplicantWhatWasPaidAndWhatIsStillToCome() {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, bidEvent(Fixtures.BID_AWARDED, bid, organisation));
        awaitKind(organisation, "AWARD_CONFIRMED");
        Fixtures.sendCommitmentEvent(bid, bidEvent(Fixtures.PAYMENT_RECORDED, bid, organisation));

        awaitKind(organisation, "PAYMENT_RECORDED")
                .body("items[0].subject", equalTo("Payment made: £4,000.00 for " + EXAMPLE_TITLE))
                .body("items[0].body", containsString("£4,000.00 was paid to you on Monday 16 January 2017 for your "
                        + "bid \"" + EXAMPLE_TITLE + "\" (2016/17)."))
                .body("items[0].body", containsString("Finance reference: FIN-2017-00123; your reference: INV-7781."))
                .body("items[0].body", containsString("Of the £12,000.00 awarded, £4,000.00 has been paid so far and "
                        + "£8,000.00 is still to be paid."));
    }

    @Test
    void aRepaymentForAnAwardNotYetKnownStillTellsTheApplicant() {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        ObjectNode repayment = Fixtures.example(Fixtures.PAYMENT_RECORDED, UUID.randomUUID(), bid);
        Fixtures.data(repayment).put("bidId", bid.toString()).put("organisationId", organisation)
                .put("paymentId", UUID.randomUUID().toString()).put("kind", "REPAYMENT").put("amount", "250.50");
        Fixtures.sendCommitmentEvent(bid, Fixtures.checked(repayment));

        awaitKind(organisation, "PAYMENT_RECORDED")
                .body("items[0].subject", equalTo("Repayment received: £250.50"))
                .body("items[0].body", containsString("We received £250.50 paid back on Monday 16 January 2017 for "
                        + "your award (2016/17)."));
    }

    @Test
    void aLowFundBalanceTellsFinanceWhatIsLeftOfTheBudget() {
        UUID fund = UUID.randomUUID();
        ObjectNode low = Fixtures.example(Fixtures.FUND_BALANCE_LOW, UUID.randomUUID(), fund);
        Fixtures.data(low).put("fundId", fund.toString()).put("fundName", "Fund " + fund);
        Fixtures.sendFundEvent(fund, Fixtures.checked(low));

        String subject = "Fund running low: Fund " + fund + " 2016/17";
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("finance").queryParam("organisationId", "finance")
                .queryParam("eventType", "fund.balance-low.v1").get("/api/v1/notifications").then()
                .statusCode(200).body("items.subject", hasItem(subject)));
        Fixtures.as("finance").queryParam("organisationId", "finance").queryParam("kind", "FUND_BALANCE_LOW")
                .queryParam("size", 200).get("/api/v1/notifications").then()
                .body("items.find { it.subject == '" + subject + "' }.body", containsString("The Fund " + fund
                        + " has £5,000.00 available in 2016/17, under 10% of its £60,000.00 budget (the threshold is "
                        + "£6,000.00)."))
                .body("items.find { it.subject == '" + subject + "' }.audience", equalTo("FINANCE"));
    }

    /** The documented example of a bid-keyed event for another bid and organisation. */
    private static String bidEvent(String type, UUID bid, String organisation) {
        ObjectNode event = Fixtures.example(type, UUID.randomUUID(), bid);
        Fixtures.data(event).put("bidId", bid.toString()).put("organisationId", organisation);
        if (Fixtures.data(event).has("paymentId")) {
            Fixtures.data(event).put("paymentId", UUID.randomUUID().toString());
        }
        return Fixtures.checked(event);
    }

    private static void awaitKnownBid(String organisation, UUID bid, UUID round) {
        // A marker through the same partition: once it is applied, the draft before it is too.
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), UUID.randomUUID(), round, organisation,
                "Marker"));
        awaitKind(organisation, "BID_SUBMITTED");
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
