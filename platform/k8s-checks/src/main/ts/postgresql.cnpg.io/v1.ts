// CloudNativePG (postgresql.cnpg.io/v1) publishes no TypeScript or JSON-schema model, so this is our own: exactly the
// fields of Cluster and ScheduledBackup that deploy/k8s uses, typed as CloudNativePG's API reference documents them
// (https://cloudnative-pg.io/documentation/current/cloudnative-pg.v1/). Every interface is closed: a field not listed
// here fails the strict check until it is added here, deliberately, after reading the reference. Record<string, string>
// appears only where CloudNativePG itself takes a free map (PostgreSQL parameters, plugin parameters).
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import type { ResourceRequirements, TopologySpreadConstraint } from "kubernetes-types/core/v1";

/** A reference to an object in the same namespace by name (CloudNativePG's LocalObjectReference). */
export interface NameReference {
  name: string;
}

export interface Cluster {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "Cluster";
  metadata: ObjectMeta;
  spec: ClusterSpec;
}

export interface ClusterSpec {
  instances: number;
  /** The PostgreSQL image, pinned by tag or digest (the prod inventory checks that). */
  imageName?: string;
  postgresql?: { parameters?: Record<string, string> };
  bootstrap?: { initdb?: BootstrapInitDB };
  storage?: { size?: string };
  managed?: { roles?: RoleConfiguration[] };
  plugins?: PluginConfiguration[];
  resources?: ResourceRequirements;
  affinity?: AffinityConfiguration;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  monitoring?: { enablePodMonitor?: boolean };
}

export interface BootstrapInitDB {
  database?: string;
  owner?: string;
}

/** A PostgreSQL role the operator keeps in the declared state (login, rights, password from a Secret). */
export interface RoleConfiguration {
  name: string;
  ensure?: "present" | "absent";
  login?: boolean;
  superuser?: boolean;
  createdb?: boolean;
  createrole?: boolean;
  inherit?: boolean;
  passwordSecret?: NameReference;
}

/** A CNPG-I plugin, here the Barman Cloud plugin archiving WAL to an ObjectStore (barmancloud.cnpg.io/v1). */
export interface PluginConfiguration {
  name: string;
  isWALArchiver?: boolean;
  parameters?: Record<string, string>;
}

export interface AffinityConfiguration {
  enablePodAntiAffinity?: boolean;
  topologyKey?: string;
  podAntiAffinityType?: "preferred" | "required";
}

export interface ScheduledBackup {
  apiVersion: "postgresql.cnpg.io/v1";
  kind: "ScheduledBackup";
  metadata: ObjectMeta;
  spec: ScheduledBackupSpec;
}

export interface ScheduledBackupSpec {
  /** Six fields, seconds first (robfig/cron), e.g. "0 0 1 * * *". */
  schedule: string;
  cluster: NameReference;
  backupOwnerReference?: "none" | "self" | "cluster";
  method?: "barmanObjectStore" | "volumeSnapshot" | "plugin";
  pluginConfiguration?: { name: string; parameters?: Record<string, string> };
  immediate?: boolean;
}
