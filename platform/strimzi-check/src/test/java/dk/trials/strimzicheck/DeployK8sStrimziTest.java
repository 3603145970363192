package dk.trials.strimzicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real manifests: what an operator applies from deploy/k8s. */
class DeployK8sStrimziTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyStrimziObjectUnderDeployK8sReadsAndTheProdOverlayFollowsTheKafkaRules() {
        List<String> findings = StrimziCheck.check(REPOSITORY.resolve("deploy/k8s"), REPOSITORY, true);
        assertEquals(List.of(), findings, () -> "Strimzi findings in deploy/k8s:\n  - " + String.join("\n  - ", findings));
    }
}
