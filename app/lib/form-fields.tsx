// Accessible wiring for a form field and its error: the input points at its hint and, when
// the server refused the value, at the error message shown under it.
export function fieldHelpers(issue: (path: string) => string | undefined) {
  const field = (id: string) => ({
    id,
    name: id,
    "aria-invalid": issue(id) ? true : undefined,
    "aria-describedby": `${id}-hint${issue(id) ? ` ${id}-error` : ""}`,
  });
  const errorOf = (id: string) =>
    issue(id) ? (
      <p id={`${id}-error`} className="field-error">
        {issue(id)}
      </p>
    ) : null;
  return { field, errorOf };
}
