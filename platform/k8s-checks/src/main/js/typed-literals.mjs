// The strict type check: each rendered object becomes a typed literal of its kind in a generated TypeScript file, and
// `tsc --strict` compiles them all. TypeScript's excess-property check on object literals is what makes a misspelt or
// unknown field fail; a wrong value type (a number where Kubernetes wants a string) fails as well. tsc reports the first
// mismatch of each literal only, so an object with two mistakes shows the second once the first is fixed.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { checkerFor, NODE_MODULES } from "./kinds.mjs";
import { describe } from "./kustomizations.mjs";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const TYPE_PACKAGES = ["kubernetes-types", "@kubernetes-models/prometheus-operator"];

function importPath(fromDir, typeModule) {
  if (!typeModule.startsWith("/")) {
    return typeModule;
  }
  const path = relative(fromDir, typeModule).replace(/\.ts$/, "");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Writes `<outDir>/kustomization-<index>.ts` for one render and returns {file, objectAt, textAt} so that tsc's diagnostics can be told
 * against the object they concern. Objects of kinds typed elsewhere (Strimzi) are left out; unknown kinds are the
 * caller's finding.
 */
function writeLiterals(outDir, index, rendering) {
  const file = join(outDir, `kustomization-${index}.ts`);
  const lines = [`// Generated from: kubectl kustomize ${rendering.dir}`, "export {};"];
  const starts = [];
  rendering.objects.forEach((object, i) => {
    const checker = checkerFor(object);
    if (checker?.typeModule === undefined) {
      return;
    }
    starts.push({ line: lines.length + 1, object });
    const type = `import(${JSON.stringify(importPath(outDir, checker.typeModule))}).${checker.typeName}`;
    const literal = `const o${i}: ${type} = ${JSON.stringify(object, null, 2)};`;
    lines.push(`// ${describe(object)}`, ...literal.split("\n"), `void o${i};`);
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
  const objectAt = (line) => starts.filter((start) => start.line <= line).at(-1)?.object;
  // The literal's own line ("revisionHistoryLimt": 3) shows where in the object tsc stopped.
  const textAt = (line) => lines[line - 1]?.trim();
  return { file: resolve(file), objectAt, textAt };
}

/** Runs tsc --strict over one generated file per render; returns findings as "<render>: <Kind/name>: <tsc error>". */
export function typeCheck(renderings, outputDir) {
  const outDir = resolve(outputDir);
  mkdirSync(outDir, { recursive: true });
  const generated = renderings.map((rendering, index) => ({ rendering, ...writeLiterals(outDir, index, rendering) }));
  const tsconfig = join(outDir, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          // The type packages are trusted; only the generated literals are under test, which keeps tsc fast.
          skipLibCheck: true,
          target: "es2022",
          module: "esnext",
          moduleResolution: "bundler",
          types: [],
          // The generated files may live anywhere (the tests write theirs elsewhere): resolve the type packages from
          // this module's node_modules, not from the generated file's ancestors.
          paths: Object.fromEntries(TYPE_PACKAGES.map((name) => [`${name}/*`, [join(NODE_MODULES, name, "*")]])),
        },
        files: generated.map((g) => g.file),
      },
      null,
      2,
    ),
  );
  let output = "";
  try {
    execFileSync(process.execPath, [TSC, "--project", tsconfig, "--pretty", "false"], {
      cwd: outDir,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    if (output.trim() === "") {
      throw error;
    }
  }
  return diagnostics(output).map(({ file, line, message }) => {
    const owner = generated.find((g) => g.file === resolve(outDir, file));
    const object = owner?.objectAt(line);
    const where = object ? `${describe(object)} at ${owner.textAt(line)}` : `line ${line}`;
    return `${owner?.rendering.name ?? file}: ${where}: ${message}`;
  });
}

/** tsc --pretty false prints "file(line,col): error TSnnnn: message", continuation lines indented below it. */
function diagnostics(output) {
  const found = [];
  for (const text of output.split("\n")) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(text);
    if (match) {
      found.push({ file: match[1], line: Number(match[2]), message: match[3] });
    } else if (text.trim() !== "" && found.length > 0) {
      found.at(-1).message += ` ${text.trim()}`;
    } else if (text.trim() !== "") {
      found.push({ file: "tsc", line: 0, message: text.trim() });
    }
  }
  return found;
}
