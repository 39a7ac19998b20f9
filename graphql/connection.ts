// Relay connection arguments (first/last/before/after), read in one place for every
// connection: each bad argument is a VALIDATION error naming it, never a silent page.
// Cursors are offsets, in Pothos' encoding, and are accepted only in their canonical form.
import { offsetToCursor } from "@pothos/plugin-relay";
import { AppError, type FieldIssue } from "../app/domain/errors.ts";

export type ConnectionArgs = { first?: number | null; last?: number | null; before?: string | null; after?: string | null };
export type ConnectionWindow = { offset: number; limit: number };
export type ConnectionPage<T> = {
  totalCount: number;
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

const CURSOR = /^OffsetConnection:(0|[1-9][0-9]{0,8})$/;

function cursorOffset(cursor: string, maxOffset: number): number | null {
  const match = CURSOR.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) return null;
  const offset = Number(match[1]);
  return offset <= maxOffset && offsetToCursor(offset) === cursor ? offset : null;
}

/**
 * The offset window the arguments ask for: forward with first/after, backward with
 * last/before (last needs before: offsets have no end to count back from).
 */
export function connectionWindow(
  args: ConnectionArgs,
  { defaultSize, maxSize, maxOffset = 100_000 }: { defaultSize: number; maxSize: number; maxOffset?: number },
): ConnectionWindow {
  const issues: FieldIssue[] = [];
  const size = (name: "first" | "last", value: number | null | undefined) => {
    if (value === null || value === undefined) return undefined;
    if (value < 1) issues.push({ path: name, key: "validation.tooSmall", params: { min: 1 } });
    else if (value > maxSize) issues.push({ path: name, key: "validation.tooBig", params: { max: maxSize } });
    return value;
  };
  const cursor = (name: "after" | "before", value: string | null | undefined) => {
    if (value === null || value === undefined) return undefined;
    const offset = cursorOffset(value, maxOffset);
    if (offset === null) issues.push({ path: name, key: "validation.invalidCursor" });
    return offset ?? undefined;
  };
  const first = size("first", args.first);
  const last = size("last", args.last);
  // The page after a cursor must itself start within reach.
  const after = cursor("after", args.after);
  if (after !== undefined && after + 1 > maxOffset) issues.push({ path: "after", key: "validation.invalidCursor" });
  const before = cursor("before", args.before);
  if (first !== undefined && last !== undefined) issues.push({ path: "last", key: "validation.firstAndLast" });
  else if (last !== undefined && (args.before === null || args.before === undefined))
    issues.push({ path: "last", key: "validation.lastNeedsBefore" });
  if (issues.length) throw new AppError("VALIDATION", "errors.validation", { issues });

  let start = after === undefined ? 0 : after + 1;
  let end = before ?? Number.POSITIVE_INFINITY;
  if (last !== undefined) start = Math.max(start, end - last);
  else end = Math.min(end, start + (first ?? defaultSize));
  return { offset: start, limit: Math.max(0, end - start) };
}

/** The connection for one window of items out of totalCount. */
export function connectionPage<T>(window: ConnectionWindow, items: T[], totalCount: number): ConnectionPage<T> {
  const nodes = items.slice(0, window.limit);
  const { offset } = window;
  return {
    totalCount,
    edges: nodes.map((node, i) => ({ node, cursor: offsetToCursor(offset + i) })),
    pageInfo: {
      hasNextPage: offset + nodes.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: nodes.length ? offsetToCursor(offset) : null,
      endCursor: nodes.length ? offsetToCursor(offset + nodes.length - 1) : null,
    },
  };
}
