// Builds the web app when the build is missing or older than the sources (`npm start`, and
// tests that start the real server process).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildFile = path.join(root, "build/index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () =>
  Math.max(newestMtime(path.join(root, "app")), statSync(path.join(root, "tailwind.config.ts")).mtimeMs) > statSync(buildFile).mtimeMs;

// `npm run dev` leaves a development build behind; served in production it fails (jsxDEV).
const isDevelopmentBuild = () => /\bmode = "development"/.test(readFileSync(buildFile, "utf8"));

/** Returns false when the build failed (its output went to this process's stdout/stderr). */
export function ensureBuilt(): boolean {
  if (existsSync(buildFile) && !sourcesChanged() && !isDevelopmentBuild()) return true;
  console.log("Building the web app…");
  const result = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  return result.status === 0;
}
