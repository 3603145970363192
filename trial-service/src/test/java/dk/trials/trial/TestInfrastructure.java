package dk.trials.trial;

import dk.trials.testing.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real PostgreSQL database {@code trials} and a real Kafka broker. */
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "trials"))
public class TestInfrastructure {
}
