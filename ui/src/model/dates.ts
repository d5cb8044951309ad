// Dates as the system locale writes them. The draft keeps ISO dates
// (2026-04-01); the form shows and reads them in the locale's order and
// separators (01/04/2026 in en-GB, 4/1/2026 in en-US, 01.04.2026 in de).

type Part = "day" | "month" | "year";

function locale(): string | undefined {
  return typeof navigator !== "undefined" ? navigator.language || undefined : undefined;
}

/**
 * A date format for the system locale. A locale the engine does not know
 * (WebKitGTK reports e.g. "c" when LANG is unset) falls back to the
 * engine's default, then to English, never throwing while the form draws.
 */
function dateFormat(l: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  for (const candidate of [l, undefined, "en"]) {
    try {
      return new Intl.DateTimeFormat(candidate, options);
    } catch {
      /* try the next */
    }
  }
  return new Intl.DateTimeFormat("en", options);
}

let cached: { locale: string | undefined; format: Intl.DateTimeFormat } | null = null;
/** The locale's numeric date format (made once per locale). */
const numeric = (): Intl.DateTimeFormat => {
  const l = locale();
  if (!cached || cached.locale !== l) {
    cached = { locale: l, format: dateFormat(l, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }) };
  }
  return cached.format;
};

/** The order of day, month and year in the locale's numeric dates. */
export function dateOrder(): Part[] {
  return numeric()
    .formatToParts(new Date(Date.UTC(2026, 3, 1)))
    .map((p) => p.type)
    .filter((t): t is Part => t === "day" || t === "month" || t === "year");
}

/** What to type, in the locale's order, e.g. "dd/mm/yyyy". */
export function datePattern(): string {
  const words: Record<Part, string> = { day: "dd", month: "mm", year: "yyyy" };
  return numeric()
    .formatToParts(new Date(Date.UTC(2026, 3, 1)))
    .map((p) => (p.type === "day" || p.type === "month" || p.type === "year" ? words[p.type] : p.value))
    .join("");
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as the locale writes it; any other text as it is. */
export function formatDate(value: string): string {
  const m = ISO.exec(value.trim());
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) return value;
  return numeric().format(d);
}

/** A moment (ms since 1970) as the locale writes a date and time. */
export function formatDateTime(ms: number): string {
  return dateFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(ms));
}

/**
 * Typed text as an ISO date: ISO itself, or three numbers in the locale's
 * order (any separators). Null when it is not a real date that way.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  let y: number, mo: number, d: number;
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const nums = t.split(/[^0-9]+/).filter(Boolean);
    if (nums.length !== 3 || /[A-Za-z]/.test(t)) return null;
    const order = dateOrder();
    const get = (p: Part) => Number(nums[order.indexOf(p)]);
    [y, mo, d] = [get("year"), get("month"), get("day")];
    if (nums[order.indexOf("year")].length !== 4) return null;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
