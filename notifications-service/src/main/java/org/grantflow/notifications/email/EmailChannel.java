package org.grantflow.notifications.email;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.delivery.Channel;
import org.grantflow.notifications.delivery.DeliveryService;
import org.grantflow.notifications.notification.DeliveryChannel;
import org.grantflow.notifications.notification.Notification;

/**
 * Schedules an email for each notification to a staff team with configured addresses, or to an
 * applicant organisation whose contact addresses came with its bid events.
 */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    private final EmailConfig config;
    private final OrganisationContacts contacts;
    private final DeliveryService deliveries;

    EmailChannel(EmailConfig config, OrganisationContacts contacts, DeliveryService deliveries) {
        this.config = config;
        this.contacts = contacts;
        this.deliveries = deliveries;
    }

    @Override
    public void prepareFor(Collection<String> organisationIds) {
        contacts.load(organisationIds);
    }

    @Override
    public boolean schedule(Notification notification) {
        List<String> addresses = switch (notification.audience) {
            case ASSESSORS -> config.assessors().orElse(List.of());
            case FINANCE -> config.finance().orElse(List.of());
            case APPLICANT -> contacts.emails(notification.organisationId);
        };
        if (addresses.isEmpty()) {
            return false;
        }
        deliveries.schedule(notification, Channel.EMAIL, String.join(",", addresses));
        return true;
    }
}
