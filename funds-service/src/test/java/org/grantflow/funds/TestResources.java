package org.grantflow.funds;

import org.grantflow.infra.testing.ServiceTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every {@code @QuarkusTest} of this module runs against the real broker and a fresh database. */
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "funds"))
public final class TestResources {

    private TestResources() {
    }
}
