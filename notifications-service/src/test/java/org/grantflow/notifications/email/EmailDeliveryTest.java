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

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.grantflow.notifications.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Notifications go out by email to staff teams and applicant contacts, read back from a real SMTP server. */
@QuarkusTest
class EmailDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
