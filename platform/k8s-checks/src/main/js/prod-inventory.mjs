// What the prod overlay must hold besides Kafka (platform/strimzi-check checks the Strimzi objects): per service the
// objects that run, reach, scale and protect it, linked to each other the way Kubernetes links them (selectors,
// scale targets, service accounts), plus ingress, databases with backups, monitoring and pinned images.
import { describe } from "./kustomizations.mjs";

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"]);

function selects(selector, labels) {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}

function podTemplate(object) {
  if (object.kind === "CronJob") {
    return object.spec?.jobTemplate?.spec?.template;
  }
  return WORKLOAD_KINDS.has(object.kind) ? object.spec?.template : object.kind === "Pod" ? object : undefined;
}

/** Every image reference of the render with where it is: pod containers and CloudNativePG's imageName. */
function images(objects) {
  return objects.flatMap((object) => {
    const pod = podTemplate(object)?.spec;
    const containers = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
    const found = containers.map((c) => ({ where: `${describe(object)} container ${c.name}`, image: c.image }));
    const postgres = object.kind === "Cluster" && object.spec?.imageName;
    return postgres ? [...found, { where: describe(object), image: object.spec.imageName }] : found;
  });
}

/** Pinned means a digest, or a tag other than latest: `name:latest` and a bare `name` both float. */
function pinned(image) {
  if (typeof image !== "string") {
    return false;
  }
  if (image.includes("@sha256:")) {
    return true;
  }
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== "latest";
}

/** An Ingress path that /q/* (health, metrics, OpenAPI) would be reachable through. */
function exposesQuarkusEndpoints(path) {
  const value = path.path ?? "/";
  if (path.pathType === "Exact") {
    return value === "/q" || value.startsWith("/q/");
  }
  return value === "" || value === "/" || value === "/q" || value.startsWith("/q/") || value.startsWith("/q*");
}

function serviceFindings(objects, service, of) {
  const findings = [];
  const deployments = of("Deployment").filter((d) => d.metadata?.name?.includes(service.name));
  if (deployments.length !== 1) {
    return [`${service.name}: expected one Deployment named after it, found ${deployments.length}`];
  }
  const deployment = deployments[0];
  const labels = deployment.spec?.template?.metadata?.labels;
  const need = (found, what) => {
    if (!found) findings.push(`${service.name}: ${what}`);
  };
  need(of("Service").some((s) => selects(s.spec?.selector, labels)), `no Service selects the pods of ${describe(deployment)}`);
  const account = deployment.spec?.template?.spec?.serviceAccountName;
  need(
    account !== undefined && of("ServiceAccount").some((a) => a.metadata?.name === account),
    `${describe(deployment)} runs as ServiceAccount ${account ?? "(none named)"}, which the overlay does not define`,
  );
  const budgets = of("PodDisruptionBudget").filter((p) => selects(p.spec?.selector?.matchLabels, labels));
  need(budgets.length > 0, `no PodDisruptionBudget selects the pods of ${describe(deployment)}`);
  const autoscaler = of("HorizontalPodAutoscaler").find(
    (h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec?.scaleTargetRef?.name === deployment.metadata.name,
  );
  need(autoscaler !== undefined, `no HorizontalPodAutoscaler scales ${describe(deployment)}`);
  // A budget that allows no eviction at the smallest scale blocks every node drain and cluster upgrade.
  const fewest = autoscaler?.spec?.minReplicas ?? 1;
  for (const budget of budgets) {
    const { minAvailable, maxUnavailable } = budget.spec ?? {};
    const blocks =
      maxUnavailable === 0 ||
      maxUnavailable === "0%" ||
      minAvailable === "100%" ||
      (Number.isInteger(minAvailable) && minAvailable >= fewest);
    need(!blocks, `${describe(budget)} allows no eviction at ${fewest} replica(s), so it blocks node drains`);
  }
  need(
    of("NetworkPolicy").some((n) => {
      const podSelector = n.spec?.podSelector?.matchLabels ?? {};
      return Object.keys(podSelector).length === 0 || selects(podSelector, labels);
    }),
    `no NetworkPolicy selects the pods of ${describe(deployment)}`,
  );
  if (service.database !== undefined) {
    const clusters = of("Cluster").filter(
      (c) =>
        c.spec?.bootstrap?.initdb?.database === service.database ||
        of("Database").some((d) => d.spec?.name === service.database && d.spec?.cluster?.name === c.metadata?.name),
    );
    need(clusters.length > 0, `no CloudNativePG Cluster (initdb or Database object) creates its database ${service.database}`);
  }
  return findings;
}

function ingressFindings(of) {
  const ingresses = of("Ingress");
  if (ingresses.length === 0) {
    return ["no Ingress"];
  }
  const findings = [];
  const services = new Map(of("Service").map((s) => [s.metadata?.name, s]));
  for (const ingress of ingresses) {
    if (!(ingress.spec?.tls ?? []).some((tls) => (tls.hosts ?? []).length > 0 && tls.secretName)) {
      findings.push(`${describe(ingress)}: no TLS (spec.tls with hosts and a secretName)`);
    }
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        if (exposesQuarkusEndpoints(path)) {
          findings.push(`${describe(ingress)}: path ${path.path ?? "(none)"} (${path.pathType}) exposes /q/*`);
        }
        const target = services.get(backend?.name);
        const port = backend?.port?.number ?? backend?.port?.name;
        if (!target || !(target.spec?.ports ?? []).some((p) => p.port === port || p.name === port)) {
          findings.push(`${describe(ingress)}: path ${path.path} routes to ${backend?.name}:${port}, which is no Service port here`);
        }
      }
    }
  }
  return findings;
}

/** Each Cluster backed up, and on the PostgreSQL major the migrations are tested against. */
function clusterFindings(of, postgresMajor) {
  return of("Cluster").flatMap((cluster) => {
    const findings = [];
    if (!of("ScheduledBackup").some((b) => b.spec?.cluster?.name === cluster.metadata?.name)) {
      findings.push(`${describe(cluster)}: no ScheduledBackup`);
    }
    const major = /:(\d+)[.\-@]/.exec(cluster.spec?.imageName ?? "")?.[1];
    if (postgresMajor === undefined) {
      findings.push(`${describe(cluster)}: the root pom names no postgres-binaries.version to compare its PostgreSQL with`);
    } else if (Number(major) !== postgresMajor) {
      const image = cluster.spec?.imageName;
      findings.push(`${describe(cluster)}: imageName ${image} is not PostgreSQL ${postgresMajor}, which the tests run on`);
    }
    return findings;
  });
}

function dashboardFindings(of) {
  const dashboards = of("ConfigMap").filter((c) => Object.keys(c.data ?? {}).some((key) => key.endsWith(".json")));
  return dashboards.length > 0 ? [] : ["no Grafana dashboard ConfigMap (a ConfigMap with a *.json data key)"];
}

/**
 * Findings for a prod render, each prefixed by the render's name, against what the repository says: its services
 * ({name, database}) and the PostgreSQL major version its tests run on.
 */
export function prodInventory(rendering, { services, postgresMajor }) {
  const objects = rendering.objects;
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const findings = [
    ...services.flatMap((service) => serviceFindings(objects, service, of)),
    ...ingressFindings(of),
    ...clusterFindings(of, postgresMajor),
    ...dashboardFindings(of),
    ...["ServiceMonitor", "PrometheusRule"].filter((kind) => of(kind).length === 0).map((kind) => `no ${kind}`),
    ...images(objects)
      .filter(({ image }) => !pinned(image))
      .map(({ where, image }) => `${where}: image ${image} is not pinned (tag other than latest, or digest)`),
  ];
  return findings.map((finding) => `${rendering.name}: ${finding}`);
}
