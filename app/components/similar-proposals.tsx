// "이미 비슷한 제안이 있어요": while a citizen types a title, lists existing proposals on what
// looks like the same matter (GET /proposals/similar), so support gathers in one place instead
// of being split between duplicates. Give it the title (controlled input) or the id of the
// title input (it listens to that input itself). Results are announced politely.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SimilarProposalsData } from "../routes/proposals.similar.tsx";
import { StatusBadge } from "./status-badge.tsx";

const DEBOUNCE_MS = 300;
const MIN_LETTERS = 2;

type Props = {
  /** The title as typed (when the input is controlled) … */
  title?: string;
  /** … or the id of an uncontrolled title input to follow. */
  inputId?: string;
  /** Leave out this proposal (when editing one). */
  excludeId?: number;
  className?: string;
};

function useInputValue(inputId: string | undefined, given: string | undefined) {
  const [value, setValue] = useState("");
  useEffect(() => {
    if (given !== undefined || !inputId) return;
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    setValue(input.value);
    const onInput = () => setValue(input.value);
    input.addEventListener("input", onInput);
    return () => input.removeEventListener("input", onInput);
  }, [inputId, given]);
  return given ?? value;
}

export function SimilarProposals({ title, inputId, excludeId, className = "" }: Props) {
  const { t } = useTranslation();
  const fetcher = useFetcher<SimilarProposalsData>();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  const query = useInputValue(inputId, title).trim();
  const enough = [...query].length >= MIN_LETTERS;

  useEffect(() => {
    if (!enough) return;
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ title: query });
      if (excludeId) params.set("excludeId", String(excludeId));
      load.current(`/proposals/similar?${params.toString()}`);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, enough, excludeId]);

  const items = enough ? (fetcher.data?.items ?? []) : [];

  return (
    <div aria-live="polite" className={className} data-testid="similar-proposals">
      {items.length > 0 ? (
        <section
          aria-labelledby="similar-proposals-title"
          className="mt-3 rounded-xl bg-amber-50 px-4 py-3 ring-1 ring-inset ring-amber-200"
        >
          <h2 id="similar-proposals-title" className="text-sm font-bold text-amber-900">
            {t("duplicates.similar.title")}
          </h2>
          <p className="mt-1 text-sm text-amber-900">{t("duplicates.similar.intro")}</p>
          <ul className="mt-2 space-y-2">
            {items.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <StatusBadge status={p.status} />
                <Link
                  to={`/proposals/${p.id}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-semibold text-brand-800 underline-offset-2 hover:underline"
                  title={p.viaMergedId ? t("duplicates.similar.viaMerged", { id: p.viaMergedId }) : undefined}
                >
                  {p.title}
                  <span className="sr-only"> {t("duplicates.similar.newWindow")}</span>
                  <span aria-hidden="true"> ↗</span>
                </Link>
                <span className="text-xs text-stone-600">{t("duplicates.similar.supportCount", { count: p.supportCount })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
