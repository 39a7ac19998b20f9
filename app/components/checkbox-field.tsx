// A checkbox with its label and an optional hint, controlled or not. The id defaults to the
// name (and value), so a group of boxes sharing a name gets distinct ids.
export function CheckboxField({
  id,
  name,
  value,
  label,
  hint,
  defaultChecked,
  checked,
  onChange,
}: {
  id?: string;
  name: string;
  value?: string;
  label: string;
  hint?: string;
  defaultChecked?: boolean;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  const inputId = id ?? `${name}${value ? `-${value}` : ""}`;
  return (
    <div className="flex items-start gap-3">
      <input
        id={inputId}
        name={name}
        value={value ?? "on"}
        type="checkbox"
        className="mt-0.5 h-5 w-5 shrink-0 rounded border-stone-400 accent-brand-600"
        defaultChecked={checked === undefined ? defaultChecked : undefined}
        checked={checked}
        onChange={onChange ? (e) => onChange(e.currentTarget.checked) : undefined}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
      />
      <div className="min-w-0">
        <label htmlFor={inputId} className="text-[15px] font-semibold text-stone-800">
          {label}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="text-sm text-stone-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
