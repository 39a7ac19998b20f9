// Prints the GraphQL schema to graphql/schema.graphql; with --check, fails when the
// committed file differs from the code (CI runs this).
import { readFileSync, writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../graphql/schema.ts";

const file = new URL("../graphql/schema.graphql", import.meta.url);
const printed = `${printSchema(schema)}\n`;
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // not printed yet: compare against nothing
  }
  if (committed !== printed) {
    console.error("graphql/schema.graphql is out of date: run `npm run schema:print` and commit it.");
    process.exit(1);
  }
  console.log("graphql/schema.graphql is up to date.");
} else {
  writeFileSync(file, printed);
  console.log("Wrote graphql/schema.graphql");
}
