// The services and their databases come from the repository, not from a list kept here.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { services, testedPostgresMajor } from "../../main/js/services.mjs";

const MODULE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("the services of a repository", () => {
  it("are its top-level directories with a Quarkus application.properties, each with its database", () => {
    assert.deepEqual(services(join(MODULE, "src", "test", "fixtures", "repository")), [{ name: "shop-service", database: "shop" }]);
  });

  it("test on the PostgreSQL major of the root pom's postgres-binaries.version", () => {
    assert.equal(testedPostgresMajor(join(MODULE, "src", "test", "fixtures", "repository")), 16);
  });
});
