// Per-request batching (DataLoader): when many items of a list ask for the same kind of data,
// the resolvers load it together in one domain call instead of one call per item. One set of
// loaders per request (yoga.ts makes it with the context), so nothing outlives the viewer it
// was loaded for.
import DataLoader from "dataloader";
import type { Domain } from "../app/domain/index.server.ts";
import { notFound } from "../app/domain/errors.ts";
import type { ProposalDetail } from "../app/domain/proposals/proposal.types.ts";
import type { RoundView, RoundViewerCan } from "../app/domain/rounds/round.service.server.ts";
import type { Viewer } from "../app/domain/viewer.ts";

export function createLoaders(domain: Pick<Domain, "proposals" | "rounds">, viewer: Viewer) {
  return {
    /** A proposal's detail fields, for list items that ask for them (cached for the request). */
    proposalDetail: new DataLoader<number, ProposalDetail>(async (ids) => {
      const details = await domain.proposals.getMany(viewer, ids);
      return ids.map((id) => details.get(id) ?? notFound("errors.proposalNotFound"));
    }),
    /** Round.viewerCan: the viewer's eligibility is read once for all the rounds of a list. Not cached: a mutation may return a newer view of the same round. */
    roundViewerCan: new DataLoader<RoundView, RoundViewerCan>((rounds) => domain.rounds.viewerCans(viewer, rounds), { cache: false }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
