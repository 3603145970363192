// Which checker knows an object's apiVersion and kind. An object no checker knows is a finding of its own, so that a
// new kind can never slip through every check unexamined.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MODULE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const NODE_MODULES = join(MODULE_DIR, "node_modules");
/**
 * Our own closed models, one file per group version (src/main/ts/<group>/<version>.ts), for the operators that publish
 * no TypeScript model: CloudNativePG and its Barman Cloud plugin.
 */
const OWN_MODELS = join(MODULE_DIR, "src", "main", "ts");

const PROMETHEUS_OPERATOR = "@kubernetes-models/prometheus-operator";
const STRIMZI_GROUP = "kafka.strimzi.io";

function groupAndVersion(apiVersion) {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The top-level kinds of one of our own models: the interfaces that pin a `kind` literal. */
function ownKinds(model) {
  return new Set([...readFileSync(model, "utf8").matchAll(/^\s+kind: "(\w+)";$/gm)].map((m) => m[1]));
}

/**
 * How an object is checked:
 * - kind "builtin": typed against kubernetes-types (typeModule, typeName) and validated by kubernetes-models (modelModule);
 * - kind "prometheus-operator": typed and validated by @kubernetes-models/prometheus-operator;
 * - kind "own-model": typed against our own closed model in src/main/ts;
 * - kind "strimzi": left to platform/strimzi-check, which reads it into the Strimzi operator's own Java model;
 * - undefined: nothing here knows it.
 */
export function checkerFor(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^\w+$/.test(kind)) {
    return undefined;
  }
  const { group, version } = groupAndVersion(apiVersion);
  if (!/^[a-z0-9.-]*$/.test(group) || !/^v\w+$/.test(version)) {
    return undefined;
  }
  if (group === STRIMZI_GROUP) {
    return { kind: "strimzi" };
  }
  const ownModel = join(OWN_MODELS, group, `${version}.ts`);
  if (group !== "" && existsSync(ownModel)) {
    return ownKinds(ownModel).has(kind) ? { kind: "own-model", typeModule: ownModel, typeName: kind } : undefined;
  }
  if (group === "monitoring.coreos.com") {
    const modelModule = `${PROMETHEUS_OPERATOR}/${group}/${version}/${kind}`;
    return existsSync(join(NODE_MODULES, `${modelModule}.js`))
      ? { kind: "prometheus-operator", typeModule: modelModule, typeName: `I${kind}`, modelModule }
      : undefined;
  }
  // kubernetes-models lays out the built-in API as <group>/<version>/<Kind> (core as v1/<Kind>); kubernetes-types as
  // <first label of the group>/<version> (core as core/v1), one file per group version.
  const modelModule = `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  const typeModule = `kubernetes-types/${group ? group.split(".")[0] : "core"}/${version}`;
  const typeFile = join(NODE_MODULES, `${typeModule}.d.ts`);
  const known =
    existsSync(join(NODE_MODULES, `${modelModule}.js`)) &&
    existsSync(typeFile) &&
    new RegExp(`^export interface ${kind} \\{`, "m").test(readFileSync(typeFile, "utf8"));
  return known ? { kind: "builtin", typeModule, typeName: kind, modelModule } : undefined;
}
