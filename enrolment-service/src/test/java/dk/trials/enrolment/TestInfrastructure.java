package dk.trials.enrolment;

import dk.trials.testing.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every Quarkus test of this module runs against a real PostgreSQL database {@code enrolments} and a real Kafka broker. */
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "enrolments"))
public class TestInfrastructure {
}
