// What the repository says the deployment must hold: the services and the database each one owns, read from the
// services' own application.properties so that a fourth service or a renamed database needs no edit here, and the
// PostgreSQL major version the tests run against, which the deployed clusters must match.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PROPERTIES = join("src", "main", "resources", "application.properties");

function properties(file) {
  const entries = readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#") && line.includes("="))
    .map((line) => [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1).trim()]);
  return new Map(entries);
}

/**
 * The services: every top-level directory of the repository with a Quarkus application.properties, as {name, database}
 * with database the last path segment of its default quarkus.datasource.jdbc.url (undefined if it has none).
 */
export function services(repositoryRoot) {
  return readdirSync(repositoryRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repositoryRoot, entry.name, PROPERTIES)))
    .map((entry) => {
      const url = properties(join(repositoryRoot, entry.name, PROPERTIES)).get("quarkus.datasource.jdbc.url");
      return { name: entry.name, database: url?.replace(/[?;].*$/, "").split("/").at(-1) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The PostgreSQL major version of the binaries the tests run on (the root pom's postgres-binaries.version, "17.11.0"
 * → 17), or undefined if the root pom names none.
 */
export function testedPostgresMajor(repositoryRoot) {
  const pom = readFileSync(join(repositoryRoot, "pom.xml"), "utf8");
  const version = /<postgres-binaries\.version>(\d+)\./.exec(pom)?.[1];
  return version === undefined ? undefined : Number(version);
}
