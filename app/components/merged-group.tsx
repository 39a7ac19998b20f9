// "같은 제안 n건": the proposals merged into this one, for the proposal page. Renders nothing
// when none were merged. Data: `context.domain.merge.mergedGroup(id)` in the page's loader.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/i18n.ts";
import { formatDate } from "../lib/format.ts";

export type MergedGroupItem = { id: number; title: string; authorName: string; createdAt: string; mergedAt: string | null };

export function MergedGroup({ items, lng }: { items: MergedGroupItem[]; lng: Language }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="card p-5" aria-labelledby="merged-group-heading" data-testid="merged-group">
      <h2 id="merged-group-heading" className="text-base font-bold">
        {t("duplicates.group.title", { count: items.length })}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("duplicates.group.intro")}</p>
      <ul className="mt-3 space-y-2">
        {items.map((m) => (
          <li key={m.id} className="text-sm">
            <Link to={`/proposals/${m.id}`} className="font-medium text-stone-800 hover:text-brand-700 hover:underline">
              {m.title}
            </Link>
            <span className="block text-xs text-stone-500">
              {m.authorName}
              {m.mergedAt ? ` · ${t("duplicates.group.mergedAt", { date: formatDate(m.mergedAt, lng) })}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
