import { describe, expect, it } from "vitest";
import { ancestors, fieldId, get, pattern, removeAt, set } from "./pointer";
import { History } from "./history";
import { STEPS, completeness, stepOf } from "./steps";
import { shortcut } from "../components/App";
import type { Agreement } from "../bindings/agreement";

describe("pointers", () => {
  it("reads and writes without mutating", () => {
    const a = { document: { title: "A" } };
    const b = set(a, "/warranty/availability/target", "99.9%");
    expect(get(b, "/warranty/availability/target")).toBe("99.9%");
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
    expect(stepOf("/warranty/availability/target")).toBe("warranty");
    expect(stepOf("/support/priorities/0/resolution")).toBe("support");
    expect(stepOf("/relationship/contacts")).toBe("cocreation");
    expect(stepOf("/credits/cap")).toBe("levels");
    expect(stepOf("/stakeholders/2/roles")).toBe("stakeholders");
  });
  it("counts completeness per kind", () => {
    const a = { schema_version: 1, document: { kind: "sla", title: "T", version: "1" } } as Agreement;
    expect(completeness(STEPS[0], a)).toEqual([2, 7]);
    const offering = { ...a, document: { ...a.document, kind: "offering" } } as Agreement;
    const levels = STEPS.find((s) => s.id === "levels")!;
    expect(completeness(levels, offering)).toEqual([0, 0]);
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
  });
});
