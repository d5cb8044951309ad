// JSON pointers (RFC 6901) over the draft: reading, immutable writing, and
// the DOM id of the input that edits a pointer (findings link to it).

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function parse(ptr: string): string[] {
  if (ptr === "" || ptr === "/") return [];
  return ptr
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function join(parts: (string | number)[]): string {
  return parts.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function get(root: unknown, ptr: string): unknown {
  let cur: unknown = root;
  for (const key of parse(ptr)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === "" || v === null;
}

/**
 * Returns a copy of `root` with `value` at `ptr`; objects are created on the
 * way. An empty value removes the key (the core reads a missing field as
 * its default, while "" is not a valid duration or percentage).
 */
export function set<T>(root: T, ptr: string, value: unknown): T {
  const keys = parse(ptr);
  if (keys.length === 0) return value as T;
  const rec = (node: unknown, i: number): unknown => {
    const key = keys[i];
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const copy = node.slice();
      const idx = Number(key);
      copy[idx] = last ? value : rec(copy[idx], i + 1);
      return copy;
    }
    const obj: Record<string, unknown> =
      node && typeof node === "object" ? { ...(node as Record<string, unknown>) } : {};
    if (last) {
      if (isEmpty(value)) delete obj[key];
      else obj[key] = value;
    } else {
      obj[key] = rec(obj[key], i + 1);
    }
    return obj;
  };
  return rec(root, 0) as T;
}

/** Removes item `index` of the array at `ptr`. */
export function removeAt<T>(root: T, ptr: string, index: number): T {
  const list = get(root, ptr);
  if (!Array.isArray(list)) return root;
  const next = list.filter((_, i) => i !== index);
  return set(root, ptr, next.length ? next : undefined);
}

/** Moves item `from` of the array at `ptr` to `to`. */
export function move<T>(root: T, ptr: string, from: number, to: number): T {
  const list = get(root, ptr);
  if (!Array.isArray(list) || to < 0 || to >= list.length) return root;
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return set(root, ptr, next);
}

/** The DOM id of the input editing `ptr`. */
export function fieldId(ptr: string): string {
  return "f" + ptr.replace(/\//g, "-").replace(/[^A-Za-z0-9_-]/g, "_");
}

/**
 * The pointer a field id was made from (the schema's keys are snake_case,
 * so a "-" was a "/"); null for an id that is not a field's.
 */
export function ptrOfFieldId(id: string): string | null {
  return /^f-[A-Za-z0-9_-]+$/.test(id) ? id.slice(1).replace(/-/g, "/") : null;
}

/** `ptr` and its ancestors, nearest first. */
export function ancestors(ptr: string): string[] {
  const parts = parse(ptr);
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(join(parts.slice(0, n)));
  return out;
}

/** The help-table key of a pointer: array indexes become `*`. */
export function pattern(ptr: string): string {
  return ptr.replace(/\/\d+(?=\/|$)/g, "/*");
}
