package org.grantflow.notifications.subscription;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.email.OrganisationContacts;
import org.grantflow.notifications.problem.DomainException;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.security.Caller;

import io.quarkus.panache.common.Sort;

/**
 * Fund subscriptions: a subscribed organisation hears when a round of the fund opens and is reminded
 * before each closing date unless it has already submitted a bid in the round.
 */
@ApplicationScoped
public class SubscriptionService {

    private final FundSubscriptionRepository subscriptions;
    private final ReminderPlanner reminders;
    private final OrganisationContacts contacts;
    private final Clock clock;

    SubscriptionService(FundSubscriptionRepository subscriptions, ReminderPlanner reminders,
            OrganisationContacts contacts, Clock clock) {
        this.subscriptions = subscriptions;
        this.reminders = reminders;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** @return the subscription and whether it is new; subscribing again changes nothing but the addresses */
    @Transactional
    public Subscribed subscribe(UUID fundId, String organisationId, SubscribeRequest request, Caller caller) {
        authorise(organisationId, caller);
        reminders.lock(fundId);
        FundSubscription subscription = subscriptions.findById(key(fundId, organisationId));
        boolean created = subscription == null;
        if (created) {
            subscription = new FundSubscription();
            subscription.fundId = fundId;
            subscription.organisationId = organisationId;
            subscription.createdAt = clock.instant();
            subscription.createdBy = caller.name();
            subscriptions.persist(subscription);
            subscriptions.flush();
            reminders.planFund(fundId, organisationId);
        }
        if (request != null && request.contactEmails() != null) {
            contacts.remember(organisationId, request.contactEmails());
        }
        return new Subscribed(SubscriptionView.of(subscription), created);
    }

    /** Ends a subscription; reminders it alone brought are cancelled. */
    @Transactional
    public void unsubscribe(UUID fundId, String organisationId, Caller caller) {
        authorise(organisationId, caller);
        reminders.lock(fundId);
        if (!subscriptions.deleteById(key(fundId, organisationId))) {
            throw DomainException.notFound("subscription of " + organisationId + " to fund", fundId);
        }
        subscriptions.flush();
        reminders.planFund(fundId, organisationId);
    }

    /** Oldest first. Partners see only their own organisation's. */
    @Transactional
    public Page<SubscriptionView> list(UUID fundId, String organisationId, Caller caller, int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("fundId", fundId).equal("organisationId", organisation);
        Sort order = Sort.ascending("createdAt").and("fundId").and("organisationId");
        return Page.of(subscriptions.find(filter.query(), order, filter.parameters()), page, size,
                SubscriptionView::of);
    }

    /** The organisations subscribed to a fund. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> subscribers(UUID fundId) {
        return subscriptions.subscribers(fundId);
    }

    /** A partner acts for its own organisation only; admins for any. */
    private static void authorise(String organisationId, Caller caller) {
        if (!caller.maySee(organisationId)) {
            throw DomainException.forbidden("A partner may subscribe only its own organisation");
        }
    }

    private static FundSubscription.Key key(UUID fundId, String organisationId) {
        FundSubscription.Key key = new FundSubscription.Key();
        key.fundId = fundId;
        key.organisationId = organisationId;
        return key;
    }

    public record Subscribed(SubscriptionView subscription, boolean created) {
    }
}
