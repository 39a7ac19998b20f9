import { useTranslation } from "react-i18next";

/** 공감 count with progress toward the threshold. */
export function SupportMeter({ count, threshold, size = "sm" }: { count: number; threshold: number; size?: "sm" | "lg" }) {
  const { t } = useTranslation();
  const percent = Math.min(100, Math.round((count / Math.max(threshold, 1)) * 100));
  const reached = count >= threshold;
  return (
    <div>
      <div className={`flex items-baseline justify-between ${size === "lg" ? "text-base" : "text-sm"}`}>
        <span className="font-bold text-clay-600">
          <span aria-hidden="true">♥ </span>
          <span data-testid="support-count">{count.toLocaleString("en-US")}</span>
          <span className="sr-only"> {t("proposal.supports")}</span>
        </span>
        <span className="text-stone-500">/ {threshold}</span>
      </div>
      <div
        className={`mt-1.5 overflow-hidden rounded-full bg-stone-100 ${size === "lg" ? "h-2.5" : "h-1.5"}`}
        role="progressbar"
        aria-label={t("proposal.supportProgress", { count, threshold })}
        aria-valuemin={0}
        aria-valuemax={threshold}
        aria-valuenow={Math.min(count, threshold)}
      >
        <div className={`h-full rounded-full ${reached ? "bg-clay-500" : "bg-brand-500"}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
