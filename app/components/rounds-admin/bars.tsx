// Plain charts for the dashboard: a table whose numbers carry a bar drawn beside them, so the
// figures stay readable by screen readers and on a phone, with no chart library.
import { useTranslation } from "react-i18next";

export type BarRow = { key: string; label: string; value: number; extra?: string };

export function BarTable({
  caption,
  rows,
  valueLabel,
  extraLabel,
  testId,
  tone = "brand",
}: {
  caption: string;
  rows: BarRow[];
  valueLabel: string;
  extraLabel?: string;
  testId?: string;
  tone?: "brand" | "clay";
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{valueLabel}</th>
          {extraLabel ? <th scope="col">{extraLabel}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="align-middle">
            <th scope="row" className="w-28 truncate py-1 pr-3 text-left font-medium text-stone-700 sm:w-36">
              {r.label}
            </th>
            <td className="py-1">
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className="block h-3 min-w-[2px] rounded-full bg-stone-100" style={{ width: "100%" }}>
                  <span
                    className={`block h-3 rounded-full ${tone === "clay" ? "bg-clay-500" : "bg-brand-500"}`}
                    style={{ width: `${(r.value / max) * 100}%` }}
                  />
                </span>
                <span className="w-10 shrink-0 text-right font-semibold tabular-nums text-stone-900">{r.value}</span>
              </div>
            </td>
            {extraLabel ? <td className="w-20 py-1 pl-2 text-right tabular-nums text-stone-500">{r.extra}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 찬성 · 반대 · 중립 as one stacked bar with a legend that carries the numbers. */
export function StanceBar({ pro, con, neutral }: { pro: number; con: number; neutral: number }) {
  const { t } = useTranslation();
  const total = pro + con + neutral;
  const parts = [
    { key: "pro", value: pro, label: t("roundsAdmin.dashboard.pro"), color: "bg-brand-600" },
    { key: "con", value: con, label: t("roundsAdmin.dashboard.con"), color: "bg-clay-500" },
    { key: "neutral", value: neutral, label: t("roundsAdmin.dashboard.neutral"), color: "bg-stone-300" },
  ];
  return (
    <div data-testid="stance-bar">
      <div aria-hidden="true" className="flex h-4 overflow-hidden rounded-full bg-stone-100">
        {total > 0 ? parts.map((p) => <span key={p.key} className={p.color} style={{ width: `${(p.value / total) * 100}%` }} />) : null}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {parts.map((p) => (
          <li key={p.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${p.color}`} />
            {p.label} <strong className="tabular-nums">{p.value}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
