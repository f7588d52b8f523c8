package org.grantflow.notifications.reminder;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Polls for reminders that fell due by the service's clock; every instance polls, none sends twice. */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);

    private final ReminderService reminders;

    ReminderDispatcher(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Scheduled(every = "${grantflow.reminders.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            int sent = reminders.dispatchDue();
            if (sent > 0) {
                LOG.infof("Sent %d reminder(s)", sent);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Reminder dispatch will retry: %s", e.getMessage());
        }
    }
}
