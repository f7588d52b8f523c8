package org.grantflow.notifications.template;

/** The words of a notification. */
public record Message(String subject, String body) {
}
