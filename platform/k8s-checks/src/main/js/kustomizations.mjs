// Finds every kustomization under a directory and renders it with `kubectl kustomize`, the same renderer an operator's
// `kubectl apply -k` uses, so a manifest that passes here is the manifest that gets applied.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, parseAllDocuments } from "yaml";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

function kustomizationFile(dir) {
  return KUSTOMIZATION_FILES.map((file) => join(dir, file)).find((path) => existsSync(path));
}

function directoriesUnder(dir) {
  const subdirs = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => join(dir, entry.name));
  return [dir, ...subdirs.flatMap(directoriesUnder)];
}

/**
 * Every directory under root holding a kustomization, as {dir, name} with name its path relative to root ("." for root
 * itself). A `kind: Component` is left out: a component cannot be built on its own, only through an overlay that lists
 * it, so it is checked as part of every overlay that uses it.
 */
export function findKustomizations(root) {
  return directoriesUnder(root)
    .filter((dir) => {
      const file = kustomizationFile(dir);
      return file !== undefined && parse(readFileSync(file, "utf8"))?.kind !== "Component";
    })
    .map((dir) => ({ dir, name: relative(root, dir) || "." }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** kubectl kustomize's output for dir, or a thrown Error carrying kubectl's own message. */
export function render(dir) {
  try {
    return execFileSync(process.env.KUBECTL ?? "kubectl", ["kustomize", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new Error("kubectl is not on PATH: run platform/k8s-checks/ensure-kubectl (or set KUBECTL)");
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${(error.stderr || error.message).trim()}`);
  }
}

/** The objects of a multi-document YAML stream, each a plain JSON value; a YAML syntax error throws. */
export function parseObjects(yamlText) {
  return parseAllDocuments(yamlText)
    .map((document) => {
      if (document.errors.length > 0) {
        throw new Error(document.errors.map((e) => e.message).join("; "));
      }
      return document.toJS();
    })
    .filter((object) => object !== null && object !== undefined);
}

/** A short name for an object in findings: Kind/name. */
export function describe(object) {
  return `${object?.kind ?? "<no kind>"}/${object?.metadata?.name ?? "<no name>"}`;
}
