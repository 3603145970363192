package dk.trials.strimzicheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What `kubectl kustomize` made of one kustomization: its path under deploy/k8s ("overlays/prod") and its objects. */
public record Rendering(String name, List<JsonNode> objects) {

    /** The objects of one kind, in render order. */
    public List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }
}
