package org.grantflow.notifications.email;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.grantflow.infra.testing.MutableClock;
import org.grantflow.notifications.Fixtures;
import org.grantflow.notifications.delivery.DeliveryConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/** Notifications go out by email to staff teams and applicant contacts, read back from a real SMTP server. */
@QuarkusTest
class EmailDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    @Inject
    EmailDispatcher dispatcher;

    @Inject
    DeliveryConfig config;

    @Inject
    Scheduler scheduler;

    @Test
    void aRoundOpeningIsEmailedToTheAssessorsAddress() throws Exception {
        UUID round = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Emailed round " + round,
                Instant.parse("2016-11-18T17:00:00Z")));

        MimeMessage mail = awaitMail("Round opened: Emailed round " + round);
        assertEquals(List.of("assessors@pcc.test"), recipients(mail));
        assertTrue(mail.getFrom()[0].toString().contains("notifications@grantflow.example"));
        assertTrue(text(mail).contains("It closes at 17:00 on Friday 18 November 2016 (UK time)."), text(mail));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("admin").queryParam("organisationId", "assessors")
                .queryParam("status", "SENT").get("/api/v1/deliveries").then().statusCode(200)
                .body("items.find { it.target == 'assessors@pcc.test' }.channel", equalTo("EMAIL")));
    }

    @Test
    void aRefusedCommitmentIsEmailedToEveryFinanceAddressAndTheAssessors() throws Exception {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, organisation, "Mailed " + bid));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation).get("/api/v1/notifications")
                .then().body("total", equalTo(1)));
        Fixtures.sendCommitmentEvent(bid,
                Fixtures.commitment(Fixtures.COMMITMENT_REFUSED, UUID.randomUUID(), bid, organisation));

        String subject = "Award refused: Mailed " + bid;
        await().atMost(PATIENCE).until(() -> mails(subject).size() == 2);
        List<String> to = mails(subject).stream().flatMap(m -> recipients(m).stream()).sorted().toList();
        // One email to the assessors; one to both finance addresses, received by each.
        assertTrue(to.containsAll(List.of("assessors@pcc.test", "finance@pcc.test", "treasurer@pcc.test")), to.toString());
        String text = text(mails(subject).get(0));
        assertTrue(text.contains("The award of £12,000.00 to the bid \"Mailed " + bid + "\""), text);
    }

    @Test
    void anApplicantIsEmailedAtTheContactAddressesItsBidEventsCarry() throws Exception {
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        String address = "bids@" + organisation + ".example";
        Fixtures.sendBidEvent(bid, Fixtures.withContactEmails(
                Fixtures.bidSubmitted(UUID.randomUUID(), bid, organisation, "Emailed " + bid), address));

        MimeMessage mail = awaitMail("Bid received: Emailed " + bid);
        assertEquals(List.of(address), recipients(mail));
        assertTrue(text(mail).contains("You asked for £12,000.00."), text(mail));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation).get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].channel", equalTo("EMAIL")).body("items[0].status", equalTo("SENT"))
                .body("items[0].target", equalTo(address)));
    }

    @Test
    void emailsAClaimHasNoTimeLeftForAreGivenBackUnsentAndSentOnceByTheNextClaim() throws Exception {
        scheduler.pause(EmailDispatcher.IDENTITY); // this test runs the dispatcher itself, as two instances would
        ExecutorService firstInstance = Executors.newSingleThreadExecutor();
        String slowAddress = "slow-" + UUID.randomUUID() + "@mail.test";
        SmtpTestResource.SlowRecipient slow = SmtpTestResource.slow(slowAddress);
        try {
            clock.set(Instant.parse("2016-11-18T10:00:00Z"));
            String slowOrganisation = submitBidEmailedTo(slowAddress);
            awaitEmailDelivery(slowOrganisation, "PENDING", 0);
            clock.advance(Duration.ofSeconds(1)); // due after the slow one, so claimed behind it
            List<String> organisations = List.of(Fixtures.organisation(), Fixtures.organisation(),
                    Fixtures.organisation());
            organisations.forEach(organisation -> submitBidEmailedTo(organisation, organisation + "@mail.test"));
            organisations.forEach(organisation -> awaitEmailDelivery(organisation, "PENDING", 0));

            // The first instance claims all four and waits for the slow recipient's server. Meanwhile its
            // claim's time runs short: less than one send timeout is left to send the other three in.
            Future<Integer> firstRun = firstInstance.submit(dispatcher::dispatchDue);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(slow::reached);
            Duration sendingTime = config.timeout().multipliedBy(config.batchSize());
            clock.advance(sendingTime.minus(config.timeout().dividedBy(2)));
            slow.answer();
            firstRun.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertEquals(1, mails("Bid received: " + slowOrganisation).size());
            awaitEmailDelivery(slowOrganisation, "SENT", 1);
            for (String organisation : organisations) {
                assertEquals(List.of(), mails("Bid received: " + organisation), "not sent by the first instance");
                awaitEmailDelivery(organisation, "PENDING", 0); // given back, its attempt not counted
            }

            dispatcher.dispatchDue(); // the next run, of either instance
            for (String organisation : organisations) {
                assertEquals(1, mails("Bid received: " + organisation).size());
                awaitEmailDelivery(organisation, "SENT", 1);
            }
            clock.advance(Duration.ofHours(1)); // long after the first claim lapsed: nothing is sent again
            dispatcher.dispatchDue();
            for (String organisation : organisations) {
                assertEquals(1, mails("Bid received: " + organisation).size());
            }
            assertEquals(1, mails("Bid received: " + slowOrganisation).size());
        } finally {
            slow.answer();
            firstInstance.shutdownNow();
            scheduler.resume(EmailDispatcher.IDENTITY);
        }
    }

    @Test
    void anEmailTheServerDoesNotAnswerWithinTheTimeoutIsRecordedAsFailedAndRetriedAfterTheBackOff() throws Exception {
        scheduler.pause(EmailDispatcher.IDENTITY);
        String address = "unanswered-" + UUID.randomUUID() + "@mail.test";
        SmtpTestResource.SlowRecipient slow = SmtpTestResource.slow(address);
        try {
            clock.set(Instant.parse("2016-11-18T11:00:00Z"));
            String organisation = submitBidEmailedTo(address);
            awaitEmailDelivery(organisation, "PENDING", 0);

            dispatcher.dispatchDue(); // waits one timeout for the server, then gives up on it
            Fixtures.as("admin").queryParam("organisationId", organisation).queryParam("channel", "EMAIL")
                    .get("/api/v1/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", equalTo(1))
                    .body("items[0].lastError", equalTo("No answer from the mail server within "
                            + config.timeout().toMillis() + " ms"))
                    .body("items[0].nextAttemptAt", equalTo("2016-11-18T11:00:30Z"));
            slow.answer();

            clock.advance(config.initialBackOff());
            dispatcher.dispatchDue();
            awaitEmailDelivery(organisation, "SENT", 2);
        } finally {
            slow.answer();
            scheduler.resume(EmailDispatcher.IDENTITY);
        }
    }

    /** Submits a bid of a fresh organisation, titled after it, whose events give the address to email. */
    private static String submitBidEmailedTo(String address) {
        String organisation = Fixtures.organisation();
        submitBidEmailedTo(organisation, address);
        return organisation;
    }

    private static void submitBidEmailedTo(String organisation, String address) {
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.withContactEmails(
                Fixtures.bidSubmitted(UUID.randomUUID(), bid, organisation, organisation), address));
    }

    private static void awaitEmailDelivery(String organisation, String status, int attempts) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("admin").queryParam("organisationId", organisation)
                .queryParam("channel", "EMAIL").get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo(status)).body("items[0].attempts", equalTo(attempts)));
    }

    private static MimeMessage awaitMail(String subject) {
        await().atMost(PATIENCE).until(() -> !mails(subject).isEmpty());
        return mails(subject).get(0);
    }

    /** The distinct messages received with a subject (GreenMail keeps one copy per recipient). */
    private static List<MimeMessage> mails(String subject) {
        return Arrays.stream(SmtpTestResource.server().getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                return false;
            }
        }).collect(java.util.stream.Collectors.toMap(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                return UUID.randomUUID().toString();
            }
        }, m -> m, (a, b) -> a)).values().stream().toList();
    }

    /** The decoded text of a plain-text email. */
    private static String text(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(Address::toString).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
