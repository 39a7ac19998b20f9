// The viewer's own proposals in every stage, drafts included.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalCard } from "../components/proposal-card.tsx";
import { requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "lifecycle.mine")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect("/login?redirectTo=/proposals/mine");
  return json({ lng: requestLanguage(request), items: await context.domain.proposals.mine(viewer), now: Date.now() });
}

export default function MyProposals() {
  const { items, lng, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-8">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("lifecycle.mine")}</h1>
      <p className="mt-2 text-stone-600">{t("lifecycle.mineIntro")}</p>
      {items.length === 0 ? (
        <p className="card mt-6 p-6 text-stone-600">{t("lifecycle.mineEmpty")}</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((p) => (
            <li key={p.id} className="relative">
              <ProposalCard proposal={p} now={now} lng={lng} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
