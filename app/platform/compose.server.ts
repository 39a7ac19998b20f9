// The domain with the platform's in-memory ports filled in, for tests, the seed and scripts:
// rate limits in memory, mail kept in memory, attachments in memory, Madang's i18n for mail
// text. server.ts composes the production ports itself.
import { createDomain as createDomainWithPorts, type DomainDeps } from "../domain/index.server.ts";
import { localizeParams } from "../i18n/errors.ts";
import { translate } from "../i18n/i18n.ts";
import type { Localize } from "../domain/ports.ts";
import { createMemoryMailer } from "./mail.server.ts";
import { createRateLimiter } from "./rate-limits.server.ts";
import { createMemoryStorage } from "./storage.server.ts";

export type { Domain } from "../domain/index.server.ts";

/** Madang's translations as the domain's Localize port. */
export const localize: Localize = (lng, key, params) => translate(lng, key, localizeParams(params, lng));

type Ports = "limits" | "mailer" | "storage" | "localize";

export function createDomain(deps: Omit<DomainDeps, Ports> & Partial<Pick<DomainDeps, Ports>>) {
  return createDomainWithPorts({
    ...deps,
    limits: deps.limits ?? createRateLimiter(),
    mailer: deps.mailer ?? createMemoryMailer(),
    storage: deps.storage ?? createMemoryStorage(),
    localize: deps.localize ?? localize,
  });
}
