// What server.ts hands to every Remix loader and action.
import type { Auth } from "./auth/auth.server.ts";
import type { Domain } from "./domain/index.server.ts";

export type MadangLoadContext = { domain: Domain; auth: Auth };

declare module "@remix-run/node" {
  interface AppLoadContext extends MadangLoadContext {}
}
