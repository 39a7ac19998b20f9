// Browser journeys run against the real production build of the web app.
import { spawnSync } from "node:child_process";

export default function setup() {
  const result = spawnSync("npx", ["remix", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("remix build failed");
}
