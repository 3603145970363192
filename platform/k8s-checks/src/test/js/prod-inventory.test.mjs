// The prod inventory on an in-memory render: complete, it passes; each object taken away or broken is named.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { prodInventory } from "../../main/js/prod-inventory.mjs";

const REPOSITORY = { services: [{ name: "shop-service", database: "shop" }], postgresMajor: 16 };
const POD_LABELS = { "app.kubernetes.io/name": "shop-service" };

function completeProd() {
  return [
    {
      kind: "Deployment",
      metadata: { name: "shop-service" },
      spec: {
        template: {
          metadata: { labels: { ...POD_LABELS, tier: "api" } },
          spec: { serviceAccountName: "shop-service", containers: [{ name: "app", image: "registry.example/shop-service:1.4.2" }] },
        },
      },
    },
    { kind: "Service", metadata: { name: "shop-service" }, spec: { selector: POD_LABELS, ports: [{ name: "http", port: 80 }] } },
    { kind: "ServiceAccount", metadata: { name: "shop-service" } },
    { kind: "PodDisruptionBudget", metadata: { name: "shop-service" }, spec: { selector: { matchLabels: POD_LABELS }, maxUnavailable: 1 } },
    {
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "shop-service" },
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop-service" }, minReplicas: 2, maxReplicas: 6 },
    },
    { kind: "NetworkPolicy", metadata: { name: "shop-service" }, spec: { podSelector: { matchLabels: POD_LABELS } } },
    { kind: "Cluster", metadata: { name: "shop-db" }, spec: { imageName: "ghcr.io/cloudnative-pg/postgresql:16.4", bootstrap: { initdb: { database: "shop" } } } },
    { kind: "ScheduledBackup", metadata: { name: "shop-db-daily" }, spec: { cluster: { name: "shop-db" } } },
    {
      kind: "Ingress",
      metadata: { name: "shop" },
      spec: {
        tls: [{ hosts: ["shop.example"], secretName: "shop-tls" }],
        rules: [{ http: { paths: [{ path: "/api", pathType: "Prefix", backend: { service: { name: "shop-service", port: { name: "http" } } } }] } }],
      },
    },
    { kind: "ServiceMonitor", metadata: { name: "shop-service" } },
    { kind: "PrometheusRule", metadata: { name: "shop-alerts" } },
    { kind: "ConfigMap", metadata: { name: "shop-dashboard" }, data: { "shop.json": "{}" } },
  ];
}

const check = (objects, repository = REPOSITORY) => prodInventory({ name: "overlays/prod", objects }, repository);
const without = (kind) => completeProd().filter((o) => o.kind !== kind);
function changed(kind, change) {
  const objects = completeProd();
  change(objects.find((o) => o.kind === kind));
  return objects;
}

describe("the prod inventory", () => {
  it("passes a render that holds every object, linked to its service", () => {
    assert.deepEqual(check(completeProd()), []);
  });

  it("names a service without a Deployment", () => {
    assert.deepEqual(check(without("Deployment")), [
      "overlays/prod: shop-service: expected one Deployment named after it, found 0",
    ]);
  });

  for (const [kind, finding] of [
    ["ServiceAccount", "shop-service: Deployment/shop-service runs as ServiceAccount shop-service, which the overlay does not define"],
    ["PodDisruptionBudget", "shop-service: no PodDisruptionBudget selects the pods of Deployment/shop-service"],
    ["HorizontalPodAutoscaler", "shop-service: no HorizontalPodAutoscaler scales Deployment/shop-service"],
    ["NetworkPolicy", "shop-service: no NetworkPolicy selects the pods of Deployment/shop-service"],
    ["ScheduledBackup", "Cluster/shop-db: no ScheduledBackup"],
    ["ServiceMonitor", "no ServiceMonitor"],
    ["PrometheusRule", "no PrometheusRule"],
    ["ConfigMap", "no Grafana dashboard ConfigMap (a ConfigMap with a *.json data key)"],
  ]) {
    it(`names a missing ${kind}`, () => {
      assert.deepEqual(check(without(kind)), [`overlays/prod: ${finding}`]);
    });
  }

  it("names a missing Service, and the Ingress path that routes to it", () => {
    assert.deepEqual(check(without("Service")), [
      "overlays/prod: shop-service: no Service selects the pods of Deployment/shop-service",
      "overlays/prod: Ingress/shop: path /api routes to shop-service:http, which is no Service port here",
    ]);
  });

  it("names a missing Ingress, and a service without a database Cluster", () => {
    assert.deepEqual(check(without("Ingress")), ["overlays/prod: no Ingress"]);
    assert.deepEqual(check(without("Cluster")), [
      "overlays/prod: shop-service: no CloudNativePG Cluster (initdb or Database object) creates its database shop",
    ]);
  });

  it("names an HPA that scales another Deployment", () => {
    const objects = changed("HorizontalPodAutoscaler", (hpa) => (hpa.spec.scaleTargetRef.name = "shop-servce"));
    assert.deepEqual(check(objects), ["overlays/prod: shop-service: no HorizontalPodAutoscaler scales Deployment/shop-service"]);
  });

  for (const budget of [{ minAvailable: 2 }, { maxUnavailable: 0 }, { minAvailable: "100%" }]) {
    it(`names a PodDisruptionBudget ${JSON.stringify(budget)} that blocks node drains at the HPA's minimum of 2`, () => {
      const objects = changed("PodDisruptionBudget", (pdb) => (pdb.spec = { selector: pdb.spec.selector, ...budget }));
      assert.deepEqual(check(objects), [
        "overlays/prod: shop-service: PodDisruptionBudget/shop-service allows no eviction at 2 replica(s), so it blocks node drains",
      ]);
    });
  }

  it("names an Ingress without TLS", () => {
    const objects = changed("Ingress", (ingress) => delete ingress.spec.tls);
    assert.deepEqual(check(objects), ["overlays/prod: Ingress/shop: no TLS (spec.tls with hosts and a secretName)"]);
  });

  for (const [path, pathType] of [["/", "Prefix"], ["/q", "Prefix"], ["/q/metrics", "Exact"], ["/", "ImplementationSpecific"]]) {
    it(`names an Ingress path ${path} (${pathType}) that exposes /q/*`, () => {
      const objects = changed("Ingress", (ingress) => Object.assign(ingress.spec.rules[0].http.paths[0], { path, pathType }));
      assert.deepEqual(check(objects), [`overlays/prod: Ingress/shop: path ${path} (${pathType}) exposes /q/*`]);
    });
  }

  it("names an Ingress path whose backend is no Service port", () => {
    const objects = changed("Ingress", (ingress) => (ingress.spec.rules[0].http.paths[0].backend.service.port = { number: 8080 }));
    assert.deepEqual(check(objects), ["overlays/prod: Ingress/shop: path /api routes to shop-service:8080, which is no Service port here"]);
  });

  for (const image of ["registry.example/shop-service:latest", "registry.example/shop-service", "registry.example:5000/shop-service"]) {
    it(`names the floating image ${image}`, () => {
      const objects = changed("Deployment", (d) => (d.spec.template.spec.containers[0].image = image));
      assert.deepEqual(check(objects), [
        `overlays/prod: Deployment/shop-service container app: image ${image} is not pinned (tag other than latest, or digest)`,
      ]);
    });
  }

  it("names a Cluster on another PostgreSQL major than the tests run on, or with no version to compare", () => {
    const other = changed("Cluster", (c) => (c.spec.imageName = "ghcr.io/cloudnative-pg/postgresql:17.2"));
    assert.deepEqual(check(other), [
      "overlays/prod: Cluster/shop-db: imageName ghcr.io/cloudnative-pg/postgresql:17.2 is not PostgreSQL 16, which the tests run on",
    ]);
    assert.deepEqual(check(completeProd(), { ...REPOSITORY, postgresMajor: undefined }), [
      "overlays/prod: Cluster/shop-db: the root pom names no postgres-binaries.version to compare its PostgreSQL with",
    ]);
  });

  it("accepts an image pinned by digest, and names a floating CloudNativePG image", () => {
    const digest = changed("Deployment", (d) => (d.spec.template.spec.containers[0].image = `registry.example/shop-service@sha256:${"a".repeat(64)}`));
    assert.deepEqual(check(digest), []);
    const floating = changed("Cluster", (c) => (c.spec.imageName = "ghcr.io/cloudnative-pg/postgresql:latest"));
    assert.deepEqual(check(floating), [
      "overlays/prod: Cluster/shop-db: imageName ghcr.io/cloudnative-pg/postgresql:latest is not PostgreSQL 16, which the tests run on",
      "overlays/prod: Cluster/shop-db: image ghcr.io/cloudnative-pg/postgresql:latest is not pinned (tag other than latest, or digest)",
    ]);
  });
});
