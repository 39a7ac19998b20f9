// GET /proposals/similar?title=…[&excludeId=…]: proposals whose titles look like the one being
// typed, as JSON for the "이미 비슷한 제안이 있어요" hint under the title field
// (app/components/similar-proposals.tsx). A resource route: no UI of its own.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { SimilarProposal } from "../domain/search/search.service.server.ts";
import { requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";

/** Titles are at most 80 letters; anything longer is cut rather than refused. */
const MAX_TITLE = 200;

export type SimilarProposalsData = { title: string; items: SimilarProposal[] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const title = (params.get("title") ?? "").slice(0, MAX_TITLE);
  const excludeId = /^\d{1,10}$/.test(params.get("excludeId") ?? "") ? params.get("excludeId")! : undefined;
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    const items = await context.domain.search.similar(viewer, { title, excludeId });
    // The viewer's own unpublished proposals may be in the answer: never cache it in shared caches.
    return json({ title, items } satisfies SimilarProposalsData, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    throwAsResponse(error, requestLanguage(request));
  }
}
