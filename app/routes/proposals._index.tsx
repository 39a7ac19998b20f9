import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";
import { ProposalCard } from "../components/proposal-card.tsx";
import { PROPOSAL_SORTS, PROPOSAL_STATUSES } from "../domain/proposals/proposal.types.ts";
import { requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { useLiveSupport } from "../lib/live/proposals.ts";
import type { RootData } from "../root.tsx";

const PAGE_SIZE = 12;

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "list.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const params = new URL(request.url).searchParams;
  const districtParam = params.get("district") ?? "";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    const [result, districts, categories] = await Promise.all([
      context.domain.proposals.list(viewer, {
        districtId: districtParam === "city" ? undefined : districtParam,
        cityWide: districtParam === "city",
        q: params.get("q") ?? undefined,
        categoryId: params.get("category") ?? undefined,
        status: (params.get("status") ?? undefined) as never,
        sort: (params.get("sort") ?? undefined) as never,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
      context.domain.catalog.districts(),
      context.domain.catalog.categories(),
    ]);
    return json({ lng, result, page, districts, categories, now: Date.now() });
  } catch (error) {
    throwAsResponse(error, lng);
  }
}

export default function ProposalList() {
  const { lng, result, page, districts, categories, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const { live } = useLiveSupport("list", result);
  const city = useRouteLoaderData<RootData>("root")?.city;
  const sort = params.get("sort") ?? "support";
  const pages = Math.max(1, Math.ceil(result.totalCount / PAGE_SIZE));
  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key !== "page") next.delete("page");
    return `?${next.toString()}`;
  };
  const name = (item: { name: string; nameEn: string }) => (lng === "en" ? item.nameEn : item.name);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 pt-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight text-stone-900">{t("list.title")}</h1>
          {/* The city's rules come from the root loader (catalog.city(), defaults applied in the domain). */}
          {city ? (
            <p className="mt-2 max-w-2xl text-stone-600">
              {t("list.intro", { threshold: city.supportThreshold, days: city.supportWindowDays })}
            </p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Link to="/proposals/mine" className="btn-secondary">
            {t("lifecycle.mine")}
          </Link>
          <Link to="/proposals/repeated" className="btn-secondary">
            {t("duplicates.repeated.title")}
          </Link>
          <Link to="/proposals/new" className="btn-primary">
            {t("nav.newProposal")}
          </Link>
        </div>
      </div>

      <Form
        method="get"
        className="card mt-6 grid grid-cols-2 gap-3 p-4 sm:grid-cols-[1fr_1fr_1fr_auto]"
        aria-label={t("list.filters")}
        onChange={(e) => (e.target as HTMLInputElement).name !== "q" && submit(e.currentTarget, { preventScrollReset: true })}
      >
        <input type="hidden" name="sort" value={sort} />
        <label className="col-span-2 block sm:col-span-4">
          <span className="field-label">{t("duplicates.search.label")}</span>
          <input
            type="search"
            name="q"
            defaultValue={params.get("q") ?? ""}
            maxLength={100}
            placeholder={t("duplicates.search.placeholder")}
            className="field-input"
          />
        </label>
        <label className="block">
          <span className="field-label">{t("list.district")}</span>
          <select name="district" defaultValue={params.get("district") ?? ""} className="field-input">
            <option value="">{t("list.allDistricts")}</option>
            <option value="city">{t("list.cityWide")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {name(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="field-label">{t("list.category")}</span>
          <select name="category" defaultValue={params.get("category") ?? ""} className="field-input">
            <option value="">{t("list.allCategories")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="col-span-2 block sm:col-span-1">
          <span className="field-label">{t("list.status")}</span>
          <select name="status" defaultValue={params.get("status") ?? ""} className="field-input">
            <option value="">{t("list.allStatuses")}</option>
            {PROPOSAL_STATUSES.filter((s) => s !== "SCREENING").map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
          <noscript>
            <button type="submit" className="btn-primary">
              {t("list.apply")}
            </button>
          </noscript>
          <Link to="/proposals" className="btn-secondary w-full sm:w-auto">
            {t("list.reset")}
          </Link>
        </div>
      </Form>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-semibold text-stone-700" aria-live="polite">
          {t("list.total", { count: result.totalCount })}
        </p>
        <nav aria-label={t("list.sort")} className="-mx-1 flex gap-1 overflow-x-auto px-1">
          {PROPOSAL_SORTS.map((s) => (
            <Link
              key={s}
              to={withParam("sort", s)}
              preventScrollReset
              aria-current={sort === s ? "page" : undefined}
              className={`whitespace-nowrap rounded-full px-3.5 py-1.5 text-sm font-semibold ${
                sort === s ? "bg-stone-900 text-white" : "bg-white text-stone-700 ring-1 ring-inset ring-stone-200 hover:bg-stone-100"
              }`}
            >
              {t(`sort.${s}`)}
            </Link>
          ))}
        </nav>
      </div>

      {result.items.length === 0 ? (
        <div className="card mt-6 p-10 text-center">
          <p className="text-lg font-semibold">{t("list.empty")}</p>
          <p className="mt-2 text-stone-500">{t("list.emptyHint")}</p>
        </div>
      ) : (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((p) => (
            <li key={p.id} className="relative">
              <ProposalCard proposal={{ ...p, ...live[p.id] }} now={now} lng={lng} />
            </li>
          ))}
        </ul>
      )}

      {pages > 1 ? (
        <nav aria-label={t("list.page")} className="mt-8 flex items-center justify-center gap-3">
          {page > 1 ? (
            <Link to={withParam("page", String(page - 1))} className="btn-secondary" rel="prev">
              {t("list.previous")}
            </Link>
          ) : null}
          <span className="text-sm text-stone-600">{t("list.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link to={withParam("page", String(page + 1))} className="btn-secondary" rel="next">
              {t("list.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </main>
  );
}
