// The Barman Cloud plugin of CloudNativePG (barmancloud.cnpg.io/v1) publishes no TypeScript model either: exactly the
// ObjectStore fields deploy/k8s uses, typed as the plugin's API reference documents them
// (https://cloudnative-pg.io/plugin-barman-cloud/docs/plugin-barman-cloud.v1/). Closed, like ../postgresql.cnpg.io/v1.ts.
import type { ObjectMeta } from "kubernetes-types/meta/v1";

/** A key of a Secret in the same namespace. */
export interface SecretKeySelector {
  name: string;
  key: string;
}

export interface ObjectStore {
  apiVersion: "barmancloud.cnpg.io/v1";
  kind: "ObjectStore";
  metadata: ObjectMeta;
  spec: ObjectStoreSpec;
}

export interface ObjectStoreSpec {
  configuration: BarmanObjectStoreConfiguration;
  /** How long base backups and WAL are kept, e.g. "30d" (days, weeks or months). */
  retentionPolicy?: string;
}

export interface BarmanObjectStoreConfiguration {
  destinationPath: string;
  endpointURL?: string;
  s3Credentials?: { accessKeyId: SecretKeySelector; secretAccessKey: SecretKeySelector };
  wal?: { compression?: Compression };
  data?: { compression?: Compression };
}

export type Compression = "bzip2" | "gzip" | "lz4" | "snappy" | "xz" | "zstd";
