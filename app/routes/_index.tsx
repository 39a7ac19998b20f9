import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalCard } from "../components/proposal-card.tsx";
import { requestLanguage } from "../lib/server/http.server.ts";
import { useLiveSupport } from "../lib/live/proposals.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  const [city, stats, popular, closing] = await Promise.all([
    context.domain.catalog.city(),
    context.domain.proposals.stats(),
    context.domain.proposals.list(viewer, { status: "OPEN", sort: "support", limit: 3 }),
    context.domain.proposals.list(viewer, { sort: "closing", limit: 3 }),
  ]);
  return json({ lng: requestLanguage(request), city, stats, popular: popular.items, closing: closing.items, now: Date.now() });
}

export default function Home() {
  const { lng, city, stats, popular, closing, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { live } = useLiveSupport("list", popular);
  const cityName = lng === "en" ? city.cityNameEn : city.cityName;
  const steps = [
    ["propose", "proposeBody"],
    ["support", "supportBody"],
    ["review", "reviewBody"],
    ["answer", "answerBody"],
  ] as const;
  const stat = [
    [t("home.stats.open"), stats.open],
    [t("home.stats.reached"), stats.thresholdReached],
    [t("home.stats.answered"), stats.answered],
    [t("home.stats.supports"), stats.supports],
  ] as const;

  return (
    <main id="main">
      <section className="relative overflow-hidden bg-brand-800 text-white">
        <div aria-hidden="true" className="absolute -right-24 -top-24 h-96 w-96 rounded-full bg-brand-600/50 blur-3xl" />
        <div aria-hidden="true" className="absolute -bottom-32 left-1/3 h-80 w-80 rounded-full bg-clay-500/25 blur-3xl" />
        <div className="relative mx-auto max-w-6xl px-4 py-14 sm:py-20">
          <p className="font-semibold text-brand-200">{t("app.tagline")}</p>
          <h1 className="mt-3 whitespace-pre-line text-4xl font-extrabold leading-tight tracking-tight sm:text-5xl">
            {t("home.heroTitle", { city: cityName })}
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-brand-50/90">
            {t("home.heroBody", { days: city.supportWindowDays, threshold: city.supportThreshold })}
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link to="/proposals" className="btn bg-white text-brand-800 hover:bg-brand-50">
              {t("home.browse")}
            </Link>
            <Link to="/proposals/new" className="btn bg-clay-600 text-white hover:bg-clay-700">
              {t("home.propose")}
            </Link>
          </div>
          <dl className="mt-12 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {stat.map(([label, value]) => (
              <div key={label} className="rounded-2xl bg-white/10 p-4 ring-1 ring-inset ring-white/15">
                <dt className="text-sm text-brand-100">{label}</dt>
                <dd className="mt-1 text-3xl font-extrabold">{value.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-14 px-4 py-12">
        {[
          ["popular", popular, "/proposals?sort=support&status=OPEN"],
          ["closing", closing, "/proposals?sort=closing"],
        ].map(([key, items, href]) => (
          <section key={key as string} aria-labelledby={`${key}-heading`}>
            <div className="flex items-baseline justify-between">
              <h2 id={`${key}-heading`} className="text-2xl font-extrabold tracking-tight">
                {t(`home.${key as "popular" | "closing"}`)}
              </h2>
              <Link to={href as string} className="text-sm font-semibold text-brand-700 hover:underline">
                {t("home.browse")} →
              </Link>
            </div>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {(items as typeof popular).map((p) => (
                <li key={p.id} className="relative">
                  <ProposalCard proposal={{ ...p, ...live[p.id] }} now={now} lng={lng} />
                </li>
              ))}
            </ul>
          </section>
        ))}

        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading" className="text-2xl font-extrabold tracking-tight">
            {t("home.steps.title")}
          </h2>
          <ol className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {steps.map(([title, body], i) => (
              <li key={title} className="card p-5">
                <span
                  className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 font-bold text-white"
                  aria-hidden="true"
                >
                  {i + 1}
                </span>
                <h3 className="mt-3 font-bold">{t(`home.steps.${title}`)}</h3>
                <p className="mt-1 text-sm text-stone-600">
                  {t(`home.steps.${body}`, { days: city.supportWindowDays, threshold: city.supportThreshold })}
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </main>
  );
}
