// Lookups over the draft that several steps share: which service level
// targets are availability targets, and the choices of targets and
// priorities other fields refer to by id (labelled by name).
import type { Agreement, ServiceLevelTarget } from "../bindings/agreement";

/** A target measures availability (the model's default metric). */
export function isAvailability(t: Partial<ServiceLevelTarget> | undefined): boolean {
  return (t?.metric ?? "availability") === "availability";
}

/** What a target is called: its name, else its id. */
export function targetLabel(t: Partial<ServiceLevelTarget> | undefined, index: number): string {
  return t?.name || t?.id || `Target ${index + 1}`;
}

/** The service level targets as choices: id, labelled by name. */
export function targetOptions(a: Agreement | null): [string, string][] {
  return (a?.service_levels ?? []).filter((t) => t.id).map((t, i): [string, string] => [t.id, targetLabel(t, i)]);
}

/** The priorities as choices: id, labelled "P1 Critical". */
export function priorityOptions(a: Agreement | null): [string, string][] {
  return (a?.support?.priorities ?? [])
    .filter((p) => p.id)
    .map((p): [string, string] => [p.id, p.name ? `${p.id} ${p.name}` : p.id]);
}

/**
 * `options` with the values of `chosen` that are not among them added at
 * the end, so a reference to something removed stays visible (and can be
 * unticked) instead of disappearing.
 */
export function withUnknown(options: [string, string][], chosen: unknown, missing: (v: string) => string): [string, string][] {
  const values = Array.isArray(chosen) ? chosen : typeof chosen === "string" && chosen ? [chosen] : [];
  const known = new Set(options.map(([v]) => v));
  const extra = values.filter((v): v is string => typeof v === "string" && !known.has(v)).map((v): [string, string] => [v, missing(v)]);
  return extra.length ? [...options, ...extra] : options;
}

/** The next free id of the form SL<n>. */
export function nextTargetId(levels: { id?: string }[]): string {
  const used = new Set(levels.map((t) => t.id));
  let n = levels.length + 1;
  while (used.has(`SL${n}`)) n++;
  return `SL${n}`;
}
