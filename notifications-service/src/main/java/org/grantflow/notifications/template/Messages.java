package org.grantflow.notifications.template;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Writes notifications from the Qute templates in {@code templates/notifications/}, one per kind of
 * notification. A template's first line is the subject; the body follows a blank line.
 */
@ApplicationScoped
public class Messages {

    private final Engine engine;

    Messages(Engine engine) {
        this.engine = engine;
    }

    /** Renders {@code templates/notifications/<name>.txt} with the given data. */
    public Message render(String name, Map<String, Object> data) {
        Template template = engine.getTemplate("notifications/" + name);
        if (template == null) {
            throw new IllegalStateException("No template notifications/" + name);
        }
        String text = template.data(data).render().strip();
        int end = text.indexOf('\n');
        if (end < 0) {
            return new Message(text, "");
        }
        return new Message(text.substring(0, end).strip(), text.substring(end + 1).strip());
    }

    /** Template data from keys and values; unlike {@link Map#of} it takes nulls, which templates treat as absent. */
    public static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
