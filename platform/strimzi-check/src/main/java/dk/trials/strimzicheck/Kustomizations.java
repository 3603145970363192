package dk.trials.strimzicheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the kustomizations under deploy/k8s and renders them with `kubectl kustomize`, as platform/k8s-checks does for
 * the built-in kinds: a `kind: Component` is not rendered on its own (it cannot be), only through the overlays using it.
 */
public final class Kustomizations {
    private static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomizations() {
    }

    /** Every directory under root with a kustomization that is not a Component, sorted by path. */
    public static List<Path> find(Path root) {
        try (Stream<Path> dirs = Files.walk(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> kustomizationFile(dir).filter(file -> !isComponent(file)).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders dir; a failing kustomize throws with kubectl's own message. */
    public static Rendering render(Path root, Path dir) throws RenderFailure {
        String name = nameOf(root, dir);
        String output = kustomize(dir);
        try {
            List<JsonNode> objects = new ArrayList<>();
            try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(output)) {
                while (documents.hasNext()) {
                    JsonNode object = documents.next();
                    if (object != null && !object.isNull() && !object.isMissingNode()) {
                        objects.add(object);
                    }
                }
            }
            return new Rendering(name, List.copyOf(objects));
        } catch (IOException e) {
            throw new RenderFailure(name + ": kustomize output is not YAML: " + e.getMessage());
        }
    }

    /** The kustomization's path under root as findings name it: "overlays/prod", or "." for root itself. */
    public static String nameOf(Path root, Path dir) {
        return root.equals(dir) ? "." : root.relativize(dir).toString().replace('\\', '/');
    }

    private static String kustomize(Path dir) throws RenderFailure {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
            // kustomize's errors are short; its output is read first so that a large render cannot block the pipe.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new RenderFailure("kubectl kustomize " + dir + " failed: " + errors.strip());
            }
            return output;
        } catch (IOException e) {
            throw new RenderFailure("cannot run " + kubectl + " (run platform/k8s-checks/ensure-kubectl): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderFailure("interrupted while rendering " + dir);
        }
    }

    private static Optional<Path> kustomizationFile(Path dir) {
        return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static boolean isComponent(Path file) {
        try {
            return "Component".equals(YAML.readTree(file.toFile()).path("kind").asText());
        } catch (IOException e) {
            // An unreadable kustomization is rendered, so that kustomize reports what is wrong with it.
            return false;
        }
    }

    /** A kustomization that does not render. */
    public static final class RenderFailure extends Exception {
        public RenderFailure(String message) {
            super(message);
        }
    }
}
