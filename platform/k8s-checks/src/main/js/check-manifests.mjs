// Every kustomization under a directory: rendered, each object known to some checker, typed under tsc --strict,
// validated against its schema, JSON payloads parsed, and the prod overlay's inventory complete.
// Run as: node src/main/js/check-manifests.mjs <deploy/k8s> <output dir> <repository root>
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkerFor } from "./kinds.mjs";
import { describe, findKustomizations, parseObjects, render } from "./kustomizations.mjs";
import { prodInventory } from "./prod-inventory.mjs";
import { validateSchemas } from "./schema-validation.mjs";
import { services, testedPostgresMajor } from "./services.mjs";
import { typeCheck } from "./typed-literals.mjs";

export const PROD_OVERLAY = "overlays/prod";

function renderAll(kustomizations) {
  const renderings = [];
  const findings = [];
  for (const { dir, name } of kustomizations) {
    try {
      renderings.push({ dir, name, objects: parseObjects(render(dir)) });
    } catch (error) {
      findings.push(`${name}: does not render: ${error.message}`);
    }
  }
  return { renderings, findings };
}

function unknownKinds(renderings) {
  return renderings.flatMap((r) =>
    r.objects
      .filter((object) => checkerFor(object) === undefined)
      .map((object) => `${r.name}: ${describe(object)}: no checker knows apiVersion ${object?.apiVersion} kind ${object?.kind}`),
  );
}

/** A Grafana dashboard (or any *.json entry of a ConfigMap) is only loaded if it parses. */
function jsonPayloads(renderings) {
  return renderings.flatMap((r) =>
    r.objects
      .filter((object) => object.kind === "ConfigMap")
      .flatMap((configMap) =>
        Object.entries(configMap.data ?? {})
          .filter(([key]) => key.endsWith(".json"))
          .flatMap(([key, value]) => {
            try {
              JSON.parse(value);
              return [];
            } catch (error) {
              return [`${r.name}: ${describe(configMap)}: ${key} is not JSON: ${error.message}`];
            }
          }),
      ),
  );
}

/**
 * All findings for the kustomizations under k8sRoot; none means every check passed. The prod overlay's inventory is
 * checked against the services found in repositoryRoot; requireProd makes a missing prod overlay a finding.
 */
export async function checkKustomizations(k8sRoot, { outDir, repositoryRoot, requireProd }) {
  const kustomizations = findKustomizations(k8sRoot);
  if (kustomizations.length === 0) {
    return [`${k8sRoot}: no kustomization found`];
  }
  const { renderings, findings } = renderAll(kustomizations);
  const prod = renderings.find((r) => r.name === PROD_OVERLAY);
  if (requireProd && prod === undefined && !findings.some((f) => f.startsWith(`${PROD_OVERLAY}:`))) {
    findings.push(`${k8sRoot}: no ${PROD_OVERLAY} kustomization`);
  }
  return [
    ...findings,
    ...unknownKinds(renderings),
    ...jsonPayloads(renderings),
    ...typeCheck(renderings, outDir),
    ...(await validateSchemas(renderings)),
    ...(prod ? prodInventory(prod, { services: services(repositoryRoot), postgresMajor: testedPostgresMajor(repositoryRoot) }) : []),
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [k8sRoot, outDir, repositoryRoot] = process.argv.slice(2).map((arg) => resolve(arg));
  const kustomizations = findKustomizations(k8sRoot).map((k) => k.name);
  const findings = await checkKustomizations(k8sRoot, { outDir, repositoryRoot, requireProd: true });
  if (findings.length > 0) {
    console.error(`Kubernetes manifest checks: ${findings.length} finding(s) in ${k8sRoot}:`);
    findings.forEach((finding) => console.error(`  - ${finding}`));
    process.exit(1);
  }
  console.log(`Kubernetes manifest checks: ${kustomizations.length} kustomization(s) passed: ${kustomizations.join(", ")}`);
}
