// Generates ui/src/bindings/agreement.ts from schema/agreement.schema.json,
// the JSON Schema that the core generates from its Rust model (schemars;
// a core test fails when that schema is stale). With --check, fails when the
// committed file differs from what would be generated.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const schemaPath = join(here, "../../schema/agreement.schema.json");
const outPath = join(here, "../src/bindings/agreement.ts");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

const banner =
  "// DO NOT EDIT. Generated from schema/agreement.schema.json (itself generated\n" +
  "// from the Rust model in src/model) by ui/scripts/gen-agreement-types.mjs.\n" +
  "// Regenerate: npm --prefix ui run bindings\n";

const ts = await compile(schema, "Agreement", {
  bannerComment: banner,
  additionalProperties: false,
  unreachableDefinitions: false,
  format: true,
  style: { singleQuote: false, semi: true, printWidth: 100 },
});

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(outPath, "utf8");
  } catch {
    /* missing counts as stale */
  }
  if (current !== ts) {
    console.error(
      "ui/src/bindings/agreement.ts is stale: run `npm --prefix ui run bindings` and commit it",
    );
    process.exit(1);
  }
  console.log("agreement.ts bindings are up to date");
} else {
  writeFileSync(outPath, ts);
  console.log(`wrote ${outPath}`);
}
