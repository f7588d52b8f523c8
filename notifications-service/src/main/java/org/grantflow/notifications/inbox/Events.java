package org.grantflow.notifications.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/** Applies each consumed event once, with the handler of its type. */
@ApplicationScoped
public class Events {

    private static final Logger LOG = Logger.getLogger(Events.class);
    /** How many events share a persistence context before it is cleared, so that flushing stays cheap. */
    private static final int CLEAR_EVERY = 50;

    private final Inbox inbox;
    private final EntityManager em;
    private final Map<String, EventHandler> handlers = new HashMap<>();

    Events(Inbox inbox, EntityManager em, Instance<EventHandler> handlers) {
        this.inbox = inbox;
        this.em = em;
        for (EventHandler handler : handlers) {
            handler.types().forEach(type -> this.handlers.put(type, handler));
        }
    }

    /** Applies the events in order, in one transaction; an event seen before is skipped. */
    @Transactional
    public void applyAll(List<IncomingEvent> events) {
        Set<UUID> first = inbox.firstDeliveries(events);
        List<IncomingEvent> fresh = new ArrayList<>(first.size());
        for (IncomingEvent event : events) {
            if (first.remove(event.id())) {
                fresh.add(event);
            } else {
                LOG.debugf("Event %s already processed", event.id());
            }
        }
        prepare(fresh);
        int applied = 0;
        for (IncomingEvent event : fresh) {
            handle(event);
            if (++applied % CLEAR_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
    }

    /** Lets each handler prepare for its events of the batch, in the order their types first appear. */
    private void prepare(List<IncomingEvent> events) {
        Map<EventHandler, List<IncomingEvent>> byHandler = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            EventHandler handler = handlers.get(event.type());
            if (handler != null) {
                byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(event);
            }
        }
        byHandler.forEach(EventHandler::prepare);
    }

    private void handle(IncomingEvent event) {
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
