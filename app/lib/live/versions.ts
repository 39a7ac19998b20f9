// The highest version seen per entity: a push that is not newer than what the page shows is
// dropped, so a page never goes backwards (pushes of one entity can arrive out of order).
import { useRef } from "react";

export type Versions = { accept(key: string, version: number): boolean };

export function createVersions(): Versions {
  const seen = new Map<string, number>();
  return {
    accept(key, version) {
      const last = seen.get(key);
      if (last !== undefined && version <= last) return false;
      seen.set(key, version);
      return true;
    },
  };
}

/** One tracker for the component's lifetime. */
export function useVersions(): Versions {
  const ref = useRef<Versions>();
  ref.current ??= createVersions();
  return ref.current;
}
