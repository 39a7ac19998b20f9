// Imports every type file (for their side effects on the builder) and builds the schema.
import { builder } from "./builder.ts";
import "./types/account.ts";
import "./types/admin.ts";
import "./types/catalog.ts";
import "./types/debate.ts";
import "./types/lifecycle.ts";
import "./types/proposal.ts";
import "./types/proposal-detail.ts";
import "./types/proposal-mutations.ts";
import "./types/round.ts";
import "./types/round-entries.ts";
import "./types/round-quality.ts";
import "./types/round-settings.ts";
import "./types/search.ts";

export const schema = builder.toSchema({ sortSchema: true });
