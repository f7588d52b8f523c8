package org.grantflow.notifications.email;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The staff teams' email addresses; a team without addresses gets no email. */
@ConfigMapping(prefix = "grantflow.email")
public interface EmailConfig {

    /** Where notifications for the assessors go, e.g. {@code grants-team@pcc.example}. */
    Optional<List<String>> assessors();

    /** Where notifications for the finance team go. */
    Optional<List<String>> finance();
}
