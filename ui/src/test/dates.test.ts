import { afterEach, describe, expect, it, vi } from "vitest";
import { datePattern, formatDate, formatDateTime, parseDate } from "../model/dates";

function withLanguage(lang: string) {
  vi.spyOn(navigator, "language", "get").mockReturnValue(lang);
}

afterEach(() => vi.restoreAllMocks());

describe("dates in the system locale", () => {
  it("writes and reads dates in the locale's order", () => {
    withLanguage("en-GB");
    expect(formatDate("2026-04-01")).toBe("01/04/2026");
    expect(datePattern()).toBe("dd/mm/yyyy");
    expect(parseDate("01/04/2026")).toBe("2026-04-01");
    withLanguage("en-US");
    expect(formatDate("2026-04-01")).toBe("04/01/2026");
    expect(parseDate("4/1/2026")).toBe("2026-04-01");
    withLanguage("de-DE");
    expect(formatDate("2026-04-01")).toBe("01.04.2026");
    expect(parseDate("1.4.2026")).toBe("2026-04-01");
  });

  it("keeps text that is not a date as typed, and accepts ISO in any locale", () => {
    withLanguage("en-GB");
    expect(formatDate("next spring")).toBe("next spring");
    expect(formatDate("2026-02-30")).toBe("2026-02-30");
    expect(parseDate("2026-04-01")).toBe("2026-04-01");
    expect(parseDate("31/02/2026")).toBeNull();
    expect(parseDate("1 April 2026")).toBeNull();
  });

  it("does not throw for a locale the engine does not know (WebKitGTK says 'c' when LANG is unset)", () => {
    for (const lang of ["c", "C.UTF-8", "en_GB@posix", ""]) {
      withLanguage(lang);
      expect(() => formatDate("2026-04-01")).not.toThrow();
      expect(formatDate("2026-04-01")).toMatch(/2026/);
      expect(() => formatDateTime(Date.UTC(2026, 3, 1, 9, 30))).not.toThrow();
      expect(parseDate("2026-04-01")).toBe("2026-04-01");
    }
  });
});
