// A small button of the round form that posts it with an editing intent ("phase.up:2"): the
// action applies the change and the form comes back with it, so it works without JavaScript.
export function EditButton({
  intent,
  id,
  label,
  children,
  disabled,
  tone = "plain",
}: {
  intent: string;
  id?: string;
  label: string;
  children: React.ReactNode;
  disabled?: boolean;
  tone?: "plain" | "danger";
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      id={id}
      aria-label={label}
      title={label}
      disabled={disabled}
      formNoValidate
      className={`inline-flex min-h-[40px] min-w-[40px] items-center justify-center rounded-lg border px-2.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-40 ${
        tone === "danger" ? "border-red-200 text-red-700 hover:bg-red-50" : "border-stone-300 text-stone-700 hover:bg-stone-100"
      }`}
    >
      {children}
    </button>
  );
}
