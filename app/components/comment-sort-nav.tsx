// Sorting a debate: best (reactions), newest, or grouped by stance. Links, so it works without JavaScript.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export const COMMENT_SORTS = ["best", "newest", "stance"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

/** The sort named in `?comments=`, or "best". */
export function commentSortOf(url: string): CommentSort {
  return COMMENT_SORTS.find((k) => k === new URL(url).searchParams.get("comments")) ?? "best";
}

export function CommentSortNav({ current, anchor = "" }: { current: CommentSort; anchor?: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("sort.label")} className="mt-4 flex flex-wrap gap-1">
      {COMMENT_SORTS.map((key) => (
        <Link
          key={key}
          to={`?comments=${key}${anchor}`}
          preventScrollReset
          replace
          aria-current={current === key ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-xs font-semibold ${current === key ? "bg-stone-900 text-white" : "bg-white text-stone-700 ring-1 ring-inset ring-stone-200"}`}
        >
          {t(`debate.sort${key[0]!.toUpperCase()}${key.slice(1)}`)}
        </Link>
      ))}
    </nav>
  );
}
