package org.grantflow.notifications.fund;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.template.Messages;

/** funds-service's fund events: finance hears when a fund-year runs low. */
@ApplicationScoped
public class FundEvents implements EventHandler {

    static final String BALANCE_LOW = "grantflow.fund.balance-low.v1";

    private final NotificationService notifications;
    private final Messages messages;

    FundEvents(NotificationService notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @Override
    public Set<String> types() {
        return Set.of(BALANCE_LOW);
    }

    @Override
    public void handle(IncomingEvent event) {
        FundBalanceLow low = FundBalanceLow.from(event);
        notifications.record(Audience.FINANCE.team(), Audience.FINANCE, NotificationKind.FUND_BALANCE_LOW,
                messages.render("fund-balance-low", Messages.data("fund", low)), null, null, event);
    }
}
