package org.grantflow.notifications.inbox;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/** Applies each consumed event once, with the handler of its type. */
@ApplicationScoped
public class Events {

    private static final Logger LOG = Logger.getLogger(Events.class);

    private final Inbox inbox;
    private final Map<String, EventHandler> handlers = new HashMap<>();

    Events(Inbox inbox, Instance<EventHandler> handlers) {
        this.inbox = inbox;
        for (EventHandler handler : handlers) {
            handler.types().forEach(type -> this.handlers.put(type, handler));
        }
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already processed", event.id());
            return;
        }
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            LOG.debugf("Ignoring event type %s", event.type());
            return;
        }
        try {
            handler.handle(event);
        } catch (IllegalArgumentException e) {
            // Retrying cannot make it readable; it stays recorded in the inbox and is skipped.
            LOG.errorf("Skipping event %s of type %s with unreadable data: %s", event.id(), event.type(),
                    e.getMessage());
        }
    }
}
