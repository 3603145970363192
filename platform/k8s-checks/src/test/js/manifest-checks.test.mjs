// Each fixture under src/test/fixtures/manifests breaks one check; all are checked in one run (one tsc), as the
// build checks deploy/k8s.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkKustomizations } from "../../main/js/check-manifests.mjs";
import { findKustomizations } from "../../main/js/kustomizations.mjs";

const MODULE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const FIXTURES = join(MODULE, "src", "test", "fixtures", "manifests");

describe("the manifest checks", () => {
  let findings;
  const of = (fixture) => findings.filter((finding) => finding.startsWith(`${fixture}: `));

  before(async () => {
    findings = await checkKustomizations(FIXTURES, {
      outDir: join(MODULE, "target", "test-typed-literals"),
      repositoryRoot: join(MODULE, "src", "test", "fixtures", "repository"),
      requireProd: false,
    });
  });

  it("render every kustomization except components, which only render through an overlay", () => {
    const names = findKustomizations(FIXTURES).map((k) => k.name);
    assert.ok(names.includes("with-component"));
    assert.ok(!names.includes("component-misspelt"));
  });

  it("find nothing in manifests that are valid", () => {
    assert.deepEqual(of("valid"), []);
  });

  it("fail a kustomization that does not render", () => {
    assert.equal(of("does-not-render").length, 1);
    assert.match(of("does-not-render")[0], /does not render: .*missing\.yaml/);
  });

  it("fail a misspelt field of a built-in kind under tsc --strict", () => {
    assert.equal(of("misspelt-field").length, 1);
    assert.match(of("misspelt-field")[0], /Deployment\/shop-service at "replicass".*TS2353.*'DeploymentSpec'/);
  });

  it("fail a misspelt field that a component brings into an overlay", () => {
    assert.equal(of("with-component").length, 1);
    assert.match(of("with-component")[0], /NetworkPolicy\/default-deny at "podSelectr".*'NetworkPolicySpec'/);
  });

  it("fail a field our closed CloudNativePG model does not have", () => {
    assert.equal(of("cnpg-misspelt").length, 1);
    assert.match(of("cnpg-misspelt")[0], /Cluster\/shop-db at "ownr".*'BootstrapInitDB'/);
  });

  it("fail a value that breaks its schema's format, which types cannot express", () => {
    assert.equal(of("schema-format").length, 1);
    assert.match(of("schema-format")[0], /ServiceMonitor\/shop-service: data\/spec\/endpoints\/0\/interval must match pattern/);
  });

  it("fail an object whose apiVersion and kind no checker knows", () => {
    assert.deepEqual(of("unknown-kind"), ["unknown-kind: Widget/gadget: no checker knows apiVersion example.com/v1 kind Widget"]);
  });

  it("fail a dashboard ConfigMap whose JSON does not parse", () => {
    assert.equal(of("dashboard-not-json").length, 1);
    assert.match(of("dashboard-not-json")[0], /ConfigMap\/shop-dashboard: shop\.json is not JSON/);
  });

  it("fail a tree without the prod overlay when it is required", async () => {
    const withoutProd = join(MODULE, "src", "test", "fixtures", "without-prod");
    const required = await checkKustomizations(withoutProd, {
      outDir: join(MODULE, "target", "test-typed-literals-prod"),
      repositoryRoot: MODULE,
      requireProd: true,
    });
    assert.deepEqual(required, [`${withoutProd}: no overlays/prod kustomization`]);
  });
});
