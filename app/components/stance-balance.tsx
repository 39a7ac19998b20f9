// The visible pro/con balance of a debate: a bar for the eye, and the same numbers in text
// (the bar is hidden from screen readers; the text carries everything).
import { useTranslation } from "react-i18next";

export type Balance = { pro: number; con: number; neutral: number };

const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

export function StanceBalance({ balance, className = "" }: { balance: Balance; className?: string }) {
  const { t } = useTranslation();
  const total = balance.pro + balance.con + balance.neutral;
  const decided = balance.pro + balance.con;
  const proShare = percent(balance.pro, decided);
  return (
    <div className={className} data-testid="stance-balance">
      <p className="text-sm text-stone-600">
        <span className="sr-only">{t("debate.balance.label")}: </span>
        {total === 0 ? (
          t("debate.balance.empty")
        ) : (
          <>
            {t("debate.balance.summary", balance)}
            {decided > 0 ? (
              <span className="ml-1 text-stone-500">{t("debate.balance.share", { proShare, conShare: 100 - proShare })}</span>
            ) : null}
          </>
        )}
      </p>
      {total > 0 ? (
        <div className="mt-2 flex h-2 overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
          <div className="bg-brand-500" style={{ width: `${percent(balance.pro, total)}%` }} />
          <div className="bg-stone-300" style={{ width: `${percent(balance.neutral, total)}%` }} />
          <div className="flex-1 bg-clay-400" style={{ maxWidth: `${percent(balance.con, total)}%` }} />
        </div>
      ) : null}
    </div>
  );
}
