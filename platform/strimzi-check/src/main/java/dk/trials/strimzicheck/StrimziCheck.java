package dk.trials.strimzicheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every kustomization under deploy/k8s rendered, every kafka.strimzi.io object in it read strictly into the Strimzi
 * model, and the prod overlay held to {@link ProdKafkaRules}. platform/k8s-checks checks every other kind and leaves
 * Strimzi's to this module, so an object of Strimzi's group that this module cannot read fails here.
 */
public final class StrimziCheck {
    public static final String PROD_OVERLAY = "overlays/prod";

    private StrimziCheck() {
    }

    /** All findings; none means every Strimzi object reads and prod follows the rules. */
    public static List<String> check(Path k8sRoot, Path repositoryRoot, boolean requireProd) {
        List<String> findings = new ArrayList<>();
        List<Path> dirs = Kustomizations.find(k8sRoot);
        if (dirs.isEmpty()) {
            return List.of(k8sRoot + ": no kustomization found");
        }
        Optional<Rendering> prod = Optional.empty();
        List<Object> prodModels = new ArrayList<>();
        for (Path dir : dirs) {
            Rendering rendering;
            try {
                rendering = Kustomizations.render(k8sRoot, dir);
            } catch (Kustomizations.RenderFailure e) {
                findings.add(Kustomizations.nameOf(k8sRoot, dir) + ": does not render: " + e.getMessage());
                continue;
            }
            boolean isProd = PROD_OVERLAY.equals(rendering.name());
            prod = isProd ? Optional.of(rendering) : prod;
            for (JsonNode object : rendering.objects().stream().filter(StrictStrimziReader::isStrimzi).toList()) {
                StrictStrimziReader.Result read = StrictStrimziReader.read(object);
                read.refusal().ifPresent(reason -> findings.add(rendering.name() + ": " + describe(object) + ": " + reason));
                read.model().filter(model -> isProd).ifPresent(prodModels::add);
            }
        }
        if (prod.isPresent()) {
            findings.addAll(ProdKafkaRules.check(prod.get(), StrimziObjects.of(prodModels), ServiceMessaging.of(repositoryRoot)));
        } else if (requireProd && findings.stream().noneMatch(f -> f.startsWith(PROD_OVERLAY + ":"))) {
            findings.add(k8sRoot + ": no " + PROD_OVERLAY + " kustomization");
        }
        return findings;
    }

    private static String describe(JsonNode object) {
        return object.path("kind").asText("<no kind>") + "/" + object.path("metadata").path("name").asText("<no name>");
    }
}
