// The published rounds, grouped by where they stand: running, starting soon, finished.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundCard } from "../components/round/round-card.tsx";
import type { RoundData } from "../components/round/round-data.ts";
import { requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "roundPage.list.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  // Catch every round up with its schedule first, so the list shows today's phases.
  await context.domain.rounds.syncDue();
  const rounds = await context.domain.rounds.list(viewer);
  return json({ lng: requestLanguage(request), rounds, now: Date.now() });
}

const GROUPS = [
  { key: "running", stages: ["running", "between"] },
  { key: "upcoming", stages: ["upcoming"] },
  { key: "finished", stages: ["finished"] },
] as const satisfies readonly { key: string; stages: readonly RoundData["stage"][] }[];

export default function Rounds() {
  const { lng, rounds, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-8">
      <h1 className="text-3xl font-extrabold tracking-tight">{t("roundPage.list.title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t("roundPage.list.intro")}</p>
      {rounds.length === 0 ? <p className="card mt-8 p-6 text-stone-500">{t("roundPage.list.empty")}</p> : null}
      {GROUPS.map((group) => {
        const inGroup = rounds.filter((r) => (group.stages as readonly string[]).includes(r.stage));
        if (inGroup.length === 0) return null;
        return (
          <section key={group.key} className="mt-8" aria-labelledby={`rounds-${group.key}`}>
            <h2 id={`rounds-${group.key}`} className="text-lg font-bold">
              {t(`roundPage.list.${group.key}`)} <span className="text-stone-500">{inGroup.length}</span>
            </h2>
            <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid={`rounds-${group.key}`}>
              {inGroup.map((round) => (
                <li key={round.id}>
                  <RoundCard round={round} lng={lng} now={now} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
