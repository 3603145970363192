// The schema check: kubernetes-models validates each built-in and prometheus-operator object against the OpenAPI
// schema of its kind (value types, enums, formats and patterns such as durations and quantities), which the
// TypeScript types cannot express.
import { checkerFor } from "./kinds.mjs";
import { describe } from "./kustomizations.mjs";

/** Findings as "<render>: <Kind/name>: <schema error>" for every object that has a kubernetes-models class. */
export async function validateSchemas(renderings) {
  const findings = [];
  for (const rendering of renderings) {
    for (const object of rendering.objects) {
      const modelModule = checkerFor(object)?.modelModule;
      if (modelModule === undefined) {
        continue;
      }
      const Model = (await import(modelModule))[object.kind];
      try {
        new Model(object).validate();
      } catch (error) {
        findings.push(`${rendering.name}: ${describe(object)}: ${error.message}`);
      }
    }
  }
  return findings;
}
