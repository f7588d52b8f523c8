package org.grantflow.notifications;

import org.grantflow.infra.testing.ServiceTestResource;
import org.grantflow.notifications.email.SmtpTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} of this module runs against the real broker, a fresh database and a
 * real SMTP server.
 */
@QuarkusTestResource(value = ServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
