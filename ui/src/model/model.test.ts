import { describe, expect, it } from "vitest";
import { ancestors, fieldId, get, pattern, removeAt, set } from "./pointer";
import { History } from "./history";
import { STEPS, stepOf, stepState } from "./steps";
import type { Finding } from "../bindings/ipc";
import { HELP_KEYS } from "./help";
import { datePattern, formatDate, parseDate } from "./dates";
import { shortcut } from "../components/App";

describe("pointers", () => {
  it("reads and writes without mutating", () => {
    const a = { document: { title: "A" } };
    const b = set(a, "/service_levels/0/target", "99.9%");
    expect(get(b, "/service_levels/0/target")).toBe("99.9%");
    const c = set({ service_hours: { schedule: "24x7" } }, "/service_hours/business_days", "Mon-Fri");
    expect(get(c, "/service_hours")).toEqual({ schedule: "24x7", business_days: "Mon-Fri" });
    expect(get(a, "/warranty")).toBeUndefined();
    expect(b.document).toBe(a.document);
  });
  it("removes a key when the value is emptied", () => {
    const a = set({ document: { title: "A", owner: "x" } }, "/document/owner", "");
    expect(a.document).toEqual({ title: "A" });
  });
  it("edits arrays by index and removes items", () => {
    const a = { stakeholders: [{ id: "a" }, { id: "b" }] };
    const b = set(a, "/stakeholders/1/name", "Bea");
    expect(get(b, "/stakeholders/1")).toEqual({ id: "b", name: "Bea" });
    expect(get(removeAt(b, "/stakeholders", 0), "/stakeholders/0/id")).toBe("b");
  });
  it("escapes keys and maps pointers to ids and help patterns", () => {
    expect(get({ "a/b": 1 }, "/a~1b")).toBe(1);
    expect(fieldId("/support/priorities/0/response")).toBe("f-support-priorities-0-response");
    expect(pattern("/support/priorities/12/response")).toBe("/support/priorities/*/response");
    expect(ancestors("/a/0/b")).toEqual(["/a/0/b", "/a/0", "/a"]);
  });
});

describe("history", () => {
  it("merges keystrokes in one field and undoes across fields", () => {
    const h = new History("");
    h.push("a", "/t", 1000);
    h.push("ab", "/t", 1200);
    h.push("x", "/o", 1300);
    expect(h.undo()?.value).toBe("ab");
    expect(h.undo()?.value).toBe("");
    expect(h.canUndo).toBe(false);
    expect(h.redo()?.value).toBe("ab");
  });
  it("starts a new step after a pause, and drops redo on a new edit", () => {
    const h = new History(0);
    h.push(1, "/n", 0);
    h.push(2, "/n", 5000);
    h.undo();
    h.push(9, null, 6000);
    expect(h.canRedo).toBe(false);
    expect(h.undo()?.value).toBe(1);
  });
});

describe("steps", () => {
  it("routes findings to the step that edits the field", () => {
    expect(stepOf("/document/title")).toBe("basics");
    expect(stepOf("/document/term/months")).toBe("terms");
    expect(stepOf("/warranty/availability/period")).toBe("warranty");
    expect(stepOf("/service_hours/business_days")).toBe("warranty");
    expect(stepOf("/service_hours/holidays/0/date")).toBe("warranty");
    expect(stepOf("/service_levels/1/service_hours/schedule")).toBe("levels");
    expect(stepOf("/support/priorities/0/matrix/1")).toBe("support");
    expect(stepOf("/support/escalation/0/after/0/after")).toBe("support");
    expect(stepOf("/relationship/reports/1/on/within")).toBe("cocreation");
    expect(stepOf("/document/term/renewal_months")).toBe("terms");
    expect(stepOf("/support/priorities/0/resolution")).toBe("support");
    expect(stepOf("/relationship/contacts")).toBe("cocreation");
    expect(stepOf("/credit_schemes/1/cap")).toBe("levels");
    expect(stepOf("/credit_schemes/0/applies_to/2")).toBe("levels");
    expect(stepOf("/stakeholders/2/roles")).toBe("stakeholders");
  });
  it("a step's state is the core's findings routed to it", () => {
    const f = (severity: Finding["severity"], pointer: string): Finding => ({ severity, code: "x", pointer, field: "", message: "", hint: "" });
    const findings = [f("error", "/document/title"), f("warning", "/document/reference"), f("error", "/support/priorities/0/resolution"), f("info", "/document/term/months")];
    const basics = stepState(STEPS[0], findings);
    expect([basics.errors, basics.warnings, basics.infos]).toEqual([1, 1, 0]);
    const terms = stepState(STEPS.find((s) => s.id === "terms")!, findings);
    expect([terms.errors, terms.warnings, terms.infos]).toEqual([0, 0, 1]);
    expect(stepState(STEPS.find((s) => s.id === "review")!, findings).findings).toEqual([]);
  });
});

describe("shortcuts", () => {
  const key = (k: string, shift = false) => new KeyboardEvent("keydown", { key: k, ctrlKey: true, shiftKey: shift });
  it("maps the editing keys", () => {
    expect(shortcut(key("z"))).toBe("undo");
    expect(shortcut(key("Z", true))).toBe("redo");
    expect(shortcut(key("s"))).toBe("save");
    expect(shortcut(key("S", true))).toBe("saveAs");
    expect(shortcut(key("e"))).toBe("export");
    expect(shortcut(new KeyboardEvent("keydown", { key: "z" }))).toBeNull();
    expect(shortcut(key("k"))).toBe("palette");
    expect(shortcut(key("PageDown"))).toBe("next");
    expect(shortcut(key("PageUp"))).toBe("previous");
    expect(shortcut(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true }))).toBe("next");
    expect(shortcut(new KeyboardEvent("keydown", { key: "ArrowLeft", altKey: true }))).toBe("previous");
    expect(shortcut(new KeyboardEvent("keydown", { key: "3", altKey: true }))).toBe("step3");
  });
});

describe("field paths", async () => {
  // Step definitions and help name fields by pointer strings the type
  // checker cannot see: each must be a path of the model (the schema the
  // bindings are generated from), so a renamed or removed field fails here.
  type Node = { $ref?: string; anyOf?: Node[]; properties?: Record<string, Node>; items?: Node };
  // Read from disk (the schema is outside the UI's root, which Vite does
  // not serve); the UI's types do not include Node's, hence the cast.
  const fs = (await import("node:fs" as string)) as { readFileSync(path: string, encoding: "utf8"): string };
  const here = (import.meta as ImportMeta & { dirname: string }).dirname;
  const schema = JSON.parse(fs.readFileSync(`${here}/../../../schema/agreement.schema.json`, "utf8")) as Node & { $defs: Record<string, Node> };
  const resolve = (n: Node | undefined): Node[] => {
    if (!n) return [];
    if (n.$ref) return resolve(schema.$defs[n.$ref.replace("#/$defs/", "")]);
    if (n.anyOf) return n.anyOf.flatMap(resolve);
    return [n];
  };
  const exists = (pattern: string): boolean => {
    let nodes: Node[] = [schema];
    for (const key of pattern.split("/").slice(1)) {
      nodes = nodes.flatMap(resolve).flatMap((n) => (key === "*" || /^\d+$/.test(key) ? resolve(n.items) : resolve(n.properties?.[key])));
      if (nodes.length === 0) return false;
    }
    return true;
  };
  it("help is keyed by fields of the model", () => {
    expect(HELP_KEYS.filter((k) => !exists(k))).toEqual([]);
  });
  it("steps route fields of the model", () => {
    const paths = STEPS.flatMap((s) => s.prefixes);
    expect(paths.filter((p) => !exists(p))).toEqual([]);
    expect(exists("/warranty/availability/target")).toBe(false);
    expect(exists("/credits/cap")).toBe(false);
  });
});

describe("dates in the system locale", () => {
  it("shows and reads dates in the locale's order, keeps ISO", () => {
    // jsdom's locale is en-US.
    expect(formatDate("2026-04-01")).toBe("04/01/2026");
    expect(datePattern()).toBe("mm/dd/yyyy");
    expect(parseDate("04/01/2026")).toBe("2026-04-01");
    expect(parseDate("4/1/2026")).toBe("2026-04-01");
    expect(parseDate("2026-04-01")).toBe("2026-04-01");
    expect(parseDate("02/30/2026")).toBeNull();
    expect(parseDate("1st of April")).toBeNull();
    expect(formatDate("next spring")).toBe("next spring");
  });
});
