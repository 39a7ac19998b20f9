import type { Domain } from "../app/domain/index.server.ts";
import type { Viewer } from "../app/domain/viewer.ts";
import type { Language } from "../app/i18n/i18n.ts";
import type { Loaders } from "./loaders.ts";

export type GraphQLContext = {
  domain: Domain;
  viewer: Viewer;
  lng: Language;
  /** For rate limits and session labels. */
  request: { ip: string; userAgent: string | null };
  /** Per-request batch loaders (loaders.ts). */
  loaders: Loaders;
};
