// `npm start`: builds the web app when the build is missing or older than the sources,
// then runs the server (which migrates and seeds an empty database itself).
import { ensureBuilt } from "./ensure-build.ts";

if (!ensureBuilt()) process.exit(1);

process.env.NODE_ENV ??= "production";
const { main } = await import("../server.ts");
await main();
