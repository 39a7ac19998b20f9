// What server.ts hands to every Remix loader and action.
import type { Auth } from "./auth/auth.server.ts";
import type { Domain } from "./domain/index.server.ts";

export type MadangLoadContext = {
  domain: Domain;
  auth: Auth;
  /** The client's IP address (behind TRUST_PROXY proxies), for rate limits. */
  clientIp: string;
  /** Nonce for inline scripts allowed by the Content-Security-Policy. */
  cspNonce: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends MadangLoadContext {}
}
