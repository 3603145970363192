package dk.trials.outcome;

import dk.trials.testing.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real PostgreSQL database {@code outcomes} and a real Kafka broker. */
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
public class TestInfrastructure {
}
