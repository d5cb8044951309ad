import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeHost, blank } from "../host/fake";
import { Store } from "../store";

let host: FakeHost;
let store: Store;

async function flush() {
  for (let i = 0; i < 5; i++) {
    await vi.runOnlyPendingTimersAsync();
  }
}

beforeEach(async () => {
  vi.useFakeTimers();
  host = new FakeHost();
  store = new Store(host);
  await store.init();
});
afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

describe("store", () => {
  it("creates a draft, marks edits unsaved in the title, and undoes back to clean", async () => {
    store.newDraft("sla");
    await flush();
    expect(store.state.screen).toBe("editor");
    expect(host.title).toBe("Untitled — Pactwright");
    store.edit("/document/title", "Desk SLA");
    expect(store.state.dirty).toBe(true);
    expect(host.title).toBe("• Untitled — Pactwright");
    store.undo();
    expect(store.state.dirty).toBe(false);
    expect(store.value("/document/title")).toBe("New sla");
    store.redo();
    expect(store.value("/document/title")).toBe("Desk SLA");
  });

  it("checks, computes a budget per availability target and previews after an edit", async () => {
    store.newDraft("sla");
    await flush();
    expect(store.state.budgets).toEqual([]);
    store.edit("/service_levels", [
      { id: "SL1", name: "Multi-zone", metric: "availability", target: "99.9%", scope: "Multi-zone deployments" },
      { id: "SL2", metric: "response_time", priority: "P1", target: "15 min" },
      { id: "SL3", name: "Single instance", target: "99.5%" },
    ]);
    await flush();
    // The second is no availability target; the third is (the default metric).
    expect(store.state.budgets.map((b) => b.index)).toEqual([0, 2]);
    expect(store.budgetOf(0)?.budget?.rows[0].allowed).toBe("43m 12s");
    expect(store.budgetOf(2)?.budget).toBeNull();
    expect(store.budgetOf(2)?.note?.message).toMatch(/percentage/);
    store.edit("/service_levels/2/target", "99%", null);
    await flush();
    expect(store.budgetOf(2)?.budget?.rows[0].allowed).toBe("7h 12m");
    expect(store.state.preview?.page_count).toBe(3);
    store.edit("/document/title", "");
    await flush();
    expect(store.state.findings[0].pointer).toBe("/document/title");
  });

  it("hands every edit to the shell once, and drops results for a document no longer open", async () => {
    store.newDraft("sla");
    await flush();
    const before = host.count("update");
    store.edit("/document/title", "A");
    store.edit("/document/title", "AB");
    store.edit("/document/title", "ABC");
    expect(host.count("update")).toBe(before + 3);
    // Each with the draft as it was after that edit.
    const sent = host.calls.filter((c) => c.cmd === "update").slice(-3);
    expect(sent.map((c) => (c.args[0] as { document: { title: string } }).document.title)).toEqual(["A", "AB", "ABC"]);
    await flush();
    expect(store.state.preview?.page_count).toBe(3);
    const oldEdit = host.calls.filter((c) => c.cmd === "update").pop()?.args[1] as number;

    host.files.set("/d/b.agreement.json", blank("ola"));
    store.openRecent("/d/b.agreement.json");
    await store.state.modal?.buttons.find((b) => b.label === "Don't save")?.action();
    await flush();
    expect(store.value("/document/kind")).toBe("ola");
    const findings = store.state.findings;
    // A late result for the document left behind changes nothing.
    host.push({
      kind: "checked",
      edit: oldEdit,
      result: { findings: [{ severity: "error", code: "required-field", pointer: "/x", field: "X", message: "stale", hint: "" }], invalid: false, approval: { edit_warning: null, current: null, approvers: [] } },
    });
    expect(store.state.findings).toBe(findings);
  });

  it("reloads a file changed on disk when nothing is unsaved, and asks when something is", async () => {
    host.files.set("/d/c.agreement.json", blank());
    store.openRecent("/d/c.agreement.json");
    await flush();
    host.files.set("/d/c.agreement.json", { ...blank(), document: { kind: "sla", title: "Edited elsewhere" } } as never);
    host.push({ kind: "changed_on_disk", path: "/d/c.agreement.json", name: "c.agreement.json", removed: false });
    await flush();
    expect(store.value("/document/title")).toBe("Edited elsewhere");
    expect(store.state.toast).toMatch(/Reloaded c.agreement.json/);

    store.edit("/document/title", "Mine");
    host.files.set("/d/c.agreement.json", { ...blank(), document: { kind: "sla", title: "Theirs" } } as never);
    host.push({ kind: "changed_on_disk", path: "/d/c.agreement.json", name: "c.agreement.json", removed: false });
    await flush();
    expect(store.value("/document/title")).toBe("Mine");
    expect(store.state.diskChange).toEqual({ name: "c.agreement.json", removed: false });
    store.keepMine();
    expect(store.state.diskChange).toBeNull();
    host.push({ kind: "changed_on_disk", path: "/d/c.agreement.json", name: "c.agreement.json", removed: false });
    await store.reloadFromDisk();
    expect(store.value("/document/title")).toBe("Theirs");
    expect(store.state.diskChange).toBeNull();
    expect(store.state.dirty).toBe(false);
  });

  it("saves through the host, then asks before overwriting a file changed on disk", async () => {
    host.files.set("/d/a.agreement.json", blank());
    store.openRecent("/d/a.agreement.json");
    await flush();
    store.edit("/document/title", "Changed");
    expect(await store.save()).toBe(true);
    expect(store.state.dirty).toBe(false);
    expect(host.files.get("/d/a.agreement.json")?.document.title).toBe("Changed");

    store.edit("/document/title", "Again", null);
    host.changedOnDisk = true;
    const saving = store.save();
    await flush();
    expect(store.state.modal?.title).toBe("The file changed on disk");
    await store.state.modal?.buttons.find((b) => b.label === "Overwrite")?.action();
    expect(await saving).toBe(true);
    expect(host.files.get("/d/a.agreement.json")?.document.title).toBe("Again");
  });

  it("guards opening another file when there are unsaved changes", async () => {
    host.files.set("/d/b.agreement.json", blank("ola"));
    store.newDraft("sla");
    await flush();
    store.edit("/document/title", "Unsaved");
    store.openRecent("/d/b.agreement.json");
    expect(store.state.modal?.title).toMatch(/Save changes/);
    expect(host.count("openRecent")).toBe(0);
    await store.state.modal?.buttons.find((b) => b.label === "Don't save")?.action();
    await flush();
    expect(store.value("/document/kind")).toBe("ola");
  });

  it("guards closing the window", async () => {
    store.newDraft("sla");
    await flush();
    store.edit("/document/title", "Unsaved");
    host.closeHandler?.();
    expect(host.closed).toBe(false);
    await store.state.modal?.buttons.find((b) => b.label === "Cancel")?.action();
    expect(host.closed).toBe(false);
    host.closeHandler?.();
    await store.state.modal?.buttons.find((b) => b.label === "Don't save")?.action();
    expect(host.closed).toBe(true);
  });

  it("offers the recovery copy the shell kept at the next start", async () => {
    host.recovery = { ...blank(), document: { kind: "sla", title: "Crash me" } } as never;
    const next = new Store(host);
    await next.init();
    expect(next.state.modal?.title).toBe("Recover unsaved changes?");
    await next.state.modal?.buttons.find((b) => b.label === "Recover")?.action();
    expect(next.value("/document/title")).toBe("Crash me");
    expect(next.state.dirty).toBe(true);
    next.dispose();
  });

  it("jumps to the step of a finding's field", async () => {
    store.newDraft("sla");
    await flush();
    store.focusField("/support/priorities/0/resolution");
    expect(store.state.step).toBe("support");
    expect(store.state.focus?.ptr).toBe("/support/priorities/0/resolution");
    const exists = (id: string) => id === "f-support-priorities";
    expect(Store.targetId("/support/priorities/0/resolution", exists)).toBe("f-support-priorities");
  });

  it("exports with progress and remembers the result", async () => {
    store.newDraft("sla");
    await flush();
    await store.exportAs("pdf");
    expect(store.state.exporting.result?.name).toBe("out.pdf");
    store.openExported();
    expect(host.count("openExported")).toBe(1);
  });

  it("asks before the first edit of an approved draft; going on returns it to draft in the same edit", async () => {
    host.files.set("/d/ok.agreement.json", { ...blank(), document: { ...blank().document, status: "approved", approver: "sp", version: "2.0" } } as never);
    store.openRecent("/d/ok.agreement.json");
    await flush();
    expect(store.state.approval?.edit_warning).toMatch(/returns it to draft/);
    // The status is not part of the text approved: no question.
    store.edit("/document/status", "signed");
    expect(store.state.modal).toBeNull();
    store.edit("/document/status", "approved");
    await flush();
    store.edit("/document/title", "Changed");
    expect(store.state.modal?.title).toBe("Edit an approved agreement?");
    expect(store.state.modal?.body).toMatch(/^This agreement is approved\./);
    expect(store.value("/document/title")).not.toBe("Changed");
    // Cancel keeps it as it was.
    await store.state.modal?.buttons.find((b) => b.label === "Cancel")?.action();
    expect(store.value("/document/title")).not.toBe("Changed");
    expect(store.value("/document/status")).toBe("approved");
    store.edit("/document/title", "Changed");
    await store.state.modal?.buttons.find((b) => b.label === "Edit and return to draft")?.action();
    expect(store.value("/document/title")).toBe("Changed");
    expect(store.value("/document/status")).toBe("draft");
    expect(store.state.toast).toMatch(/^Returned to draft/);
    // The next keystroke does not ask again, even before the checks answer.
    store.edit("/document/title", "Changed again");
    expect(store.state.modal).toBeNull();
    await flush();
    expect(store.state.approval?.edit_warning).toBeNull();
    // One undo takes back the edit and the return to draft together.
    store.undo();
    store.undo();
    expect(store.value("/document/status")).toBe("approved");
  });

  it("approves through the shell as one undoable edit, and shows a refusal in the shell's words", async () => {
    host.files.set("/d/a.agreement.json", { ...blank(), document: { ...blank().document, approver: "sp", version: "1.0" } } as never);
    store.openRecent("/d/a.agreement.json");
    await flush();
    expect(await store.approve("someone-else", null)).toMatch(/^Not approved: someone-else cannot approve/);
    expect(store.value("/document/status")).not.toBe("approved");
    expect(await store.approve("sp", "2026-12-03")).toBeNull();
    expect(store.value("/document/status")).toBe("approved");
    const history = store.value("/document/change_history") as { approval?: { by: string } }[];
    expect(history.at(-1)?.approval?.by).toBe("sp");
    expect(store.state.toast).toBe("sp approved version 1.0.");
    store.undo();
    expect(store.value("/document/status")).not.toBe("approved");
  });
});
