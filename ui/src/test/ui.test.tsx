import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { App } from "../components/App";
import { Boundary } from "../components/Boundary";
import { StoreContext } from "../context";
import { FakeHost } from "../host/fake";
import { Store } from "../store";
import { STEPS, type StepId } from "../model/steps";
import { helpFor } from "../model/help";
import type { Agreement } from "../bindings/agreement";

afterEach(cleanup);
// Rendering every step of a full draft takes a few seconds on a busy machine.
vi.setConfig({ testTimeout: 30000 });

function mount(host = new FakeHost()) {
  const store = new Store(host);
  const view = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  return { store, host, view };
}

// A v2 draft touching every part the wizard edits.
const FULL = {
  schema_version: 2,
  document: { kind: "sla", title: "T", term: { months: 24, renewal: "automatic", renewal_months: 12 } },
  stakeholders: [{ id: "a", name: "A", roles: ["sponsor"] }],
  service_hours: {
    schedule: "Mon-Fri 08:00-18:00",
    time_zone: "Europe/London",
    business_days: "Mon-Fri",
    holidays: [{ date: "2026-12-25", name: "Christmas Day" }],
    critical_periods: ["Month-end"],
  },
  offering: { goods: [{ name: "g" }], access: [{ resource: "r" }], actions: [{ action: "x", hours: "24x7" }] },
  warranty: {
    availability: { period: "calendar_month", measurement: "probe", maintenance: [{ when: "Sun", frequency: "monthly", duration: "1h" }] },
    capacity: [{ metric: "m", commitment: "c" }],
  },
  support: {
    channels: [{ name: "c", kind: "portal", hours: "Mon-Fri 09:00-17:30" }],
    priorities: [
      { id: "P1", name: "Critical", matrix: [{ impact: "high", urgency: "high" }], clock: "calendar", response: "15 min", resolution: "2h" },
      { id: "P2", name: "High", matrix: [{ impact: "high", urgency: "medium" }, { impact: "medium", urgency: "high" }], response: "30 min", resolution: "3bd" },
    ],
    clock: "service_hours",
    escalation: [{ contact: "x", when: "y", priorities: ["P1"], after: [{ after: "1h" }, { priority: "P1", after: "30 min" }] }],
  },
  relationship: {
    reviews: [{ name: "r", cadence: "monthly" }, { name: "Major incident review", on: { event: "major_incident", within: "5bd" } }],
    reports: [{ name: "r", frequency: "monthly" }, { name: "Root cause", on: { event: "incident", priority: "P1", within: "5bd" } }],
    contacts: [{ stakeholder: "a", purpose: "p" }],
  },
  service_levels: [
    { id: "SL1", name: "Multi-zone uptime", metric: "availability", target: "99.9%", scope: "Multi-zone deployments" },
    { id: "SL2", name: "P1 response", metric: "response_time", priority: "P1", target: "15 min" },
    { id: "SL3", name: "Single instance uptime", metric: "availability", target: "99%", period: "calendar_quarter", service_hours: { schedule: "24x7", time_zone: "UTC" } },
  ],
  credit_schemes: [
    { name: "Multi-zone credits", applies_to: ["SL1"], tiers: [{ below: "99.9%", credit: "10%" }], claim_window: "60d", cap: "30%", usable: "future_invoices" },
    { applies_to: ["SL3", "SL9"], tiers: [{ below: "99%", credit: "5%" }], claim_window: "2 billing cycles" },
  ],
} as unknown as Agreement;

async function openFull() {
  const host = new FakeHost();
  host.files.set("/full.agreement.json", structuredClone(FULL));
  const m = mount(host);
  await m.store.init();
  m.store.openRecent("/full.agreement.json");
  await waitFor(() => expect(m.store.state.screen).toBe("editor"));
  return m;
}

async function show(m: ReturnType<typeof mount>, step: StepId) {
  m.store.goto(step);
  await waitFor(() => expect(m.view.container.querySelector("#step-title")?.textContent).toBe(STEPS.find((s) => s.id === step)?.title));
}

const byId = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as T;
};

describe("a part that fails to render", () => {
  it("says so in place, keeps the rest, and tries again", async () => {
    let fail = true;
    function Fragile() {
      if (fail) throw new Error("cannot read properties of undefined");
      return <p>shown</p>;
    }
    const view = render(
      <div>
        <p>the rest</p>
        <Boundary what="This step">
          <Fragile />
        </Boundary>
      </div>,
    );
    expect(view.getByRole("alert").textContent).toContain("This step could not be shown. Your draft is safe");
    expect(view.getByRole("alert").textContent).toContain("cannot read properties of undefined");
    expect(view.getByText("the rest")).toBeTruthy();
    fail = false;
    fireEvent.click(view.getByText("Try again"));
    await waitFor(() => expect(view.getByText("shown")).toBeTruthy());
  });
});

describe("the editor", () => {
  it("starts on the start screen and creates an SLA", async () => {
    const { store, view } = mount();
    await store.init();
    fireEvent.click(await view.findByText("Service level agreement"));
    await waitFor(() => expect(view.getByText("Step 1 of 11")).toBeTruthy());
    expect((view.getByLabelText("Title") as HTMLInputElement).value).toBe("New sla");
  });

  it("starts from a few questions: the core writes the agreement, or names the answers it cannot use", async () => {
    const { store, view } = mount();
    await store.init();
    fireEvent.click(await waitFor(() => byId("start-interview")));
    expect(byId<HTMLInputElement>("q-availability").value).toBe("99.5%");
    expect(byId<HTMLInputElement>("q-effective_date").value).toMatch(/^\d{4}-\d{2}-01$/);
    // The service left empty: the core's reason, on that question, focused.
    fireEvent.click(byId("interview-start"));
    await waitFor(() => expect(byId("q-service-error").textContent).toBe("The service's name is needed to start the agreement."));
    expect(document.activeElement?.id).toBe("q-service");
    expect(store.state.screen).toBe("start");
    // An offering is not asked for hours or targets.
    fireEvent.change(byId("q-kind"), { target: { value: "offering" } });
    expect(document.getElementById("q-availability")).toBeNull();
    fireEvent.change(byId("q-kind"), { target: { value: "sla" } });
    fireEvent.input(byId("q-service"), { target: { value: "Payroll" } });
    fireEvent.click(byId("interview-start"));
    await waitFor(() => expect(store.state.screen).toBe("editor"));
    expect(store.state.draft?.document.title).toBe("Payroll Service Level Agreement");
    const sent = store.host instanceof FakeHost ? store.host.calls.filter((c) => c.cmd === "newFromAnswers").at(-1)?.args[0] : null;
    expect(sent).toMatchObject({ kind: "sla", service: "Payroll", p1_response: "15 min" });
    expect(view.container.querySelector("#still-missing")).not.toBeNull();
  });

  it("starts from a copy of an existing agreement, not saved yet", async () => {
    const host = new FakeHost();
    host.files.set("/old.agreement.json", structuredClone(FULL));
    host.pickOpen = "/old.agreement.json";
    const { store } = mount(host);
    await store.init();
    fireEvent.click(await waitFor(() => byId("start-copy")));
    await waitFor(() => expect(store.state.screen).toBe("editor"));
    expect(store.state.path).toBeNull();
    expect(store.state.draft?.document.title).toBe("T");
  });

  it("says on each step what is still missing, in one line of links", async () => {
    const m = await openFull();
    m.host.findings = [
      { severity: "error", code: "required-field", pointer: "/document/owner", field: "Owner", message: "the document has no owner", hint: "" },
      { severity: "warning", code: "required-field", pointer: "/document/reference", field: "Reference", message: "no reference", hint: "" },
    ];
    m.store.edit("/document/title", "T2");
    await waitFor(() => expect(byId("still-missing").textContent).toBe("Still to do: Owner, Reference."));
    const link = Array.from(byId("still-missing").querySelectorAll("a")).find((a) => a.textContent === "Reference");
    fireEvent.click(link as HTMLElement);
    await waitFor(() => expect(document.activeElement?.id).toBe("f-document-reference"));
    await show(m, "offering");
    expect(byId("still-missing").textContent).toBe("Nothing is missing here.");
  });

  it("labels every input, gives every field help with an example, in every step", async () => {
    const { store, view } = await openFull();
    for (const step of STEPS) {
      store.goto(step.id as StepId);
      await waitFor(() => expect(view.container.querySelector("#step-title")?.textContent).toBe(step.title));
      const inputs = view.container.querySelectorAll<HTMLElement>(".form input, .form select, .form textarea");
      for (const el of Array.from(inputs)) {
        const labelled =
          (el.id && view.container.querySelector(`label[for="${el.id}"]`)) || el.closest("label") || el.getAttribute("aria-label");
        expect(labelled, `${step.id}: ${el.outerHTML.slice(0, 80)}`).toBeTruthy();
        if (el.id.startsWith("f-") && !el.closest(".matrix") && el.getAttribute("type") !== "checkbox") {
          const ptr = el.id.slice(1).replace(/-/g, "/");
          expect(helpFor(ptr), `help for ${ptr}`).toBeTruthy();
        }
      }
    }
  });

  it("links a finding in the review to its field and focuses it", async () => {
    const host = new FakeHost();
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    store.edit("/document/title", "");
    store.goto("review");
    const link = (await view.findByText("the agreement has no title")).closest("a")!;
    // The field in words; the pointer only in the details.
    expect(link.textContent).toBe("Title: the agreement has no title".replace(": ", ""));
    expect(link.querySelector(".finding-field")?.textContent).toBe("Title");
    expect(link.textContent).not.toContain("/document");
    expect(link.closest("li")?.querySelector("details .ptr")?.textContent).toBe("/document/title");
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement?.id).toBe("f-document-title"));
    expect(store.state.step).toBe("basics");
    fireEvent.input(document.activeElement!, { target: { value: "Fixed" } });
    await waitFor(() => expect(store.state.findings.length).toBe(0));
  });

  it("undo goes to the step and field it changes and says what it undid", async () => {
    const host = new FakeHost();
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    store.edit("/document/title", "Desk SLA");
    store.goto("support");
    fireEvent.click(view.container.querySelector("#undo")!);
    expect(store.state.step).toBe("basics");
    await waitFor(() => expect(document.activeElement?.id).toBe("f-document-title"));
    expect(store.state.toast).toBe("Undid: Title");
    expect(store.value("/document/title")).toBe("New sla");
    store.goto("support");
    store.redo();
    await waitFor(() => expect(store.state.toast).toBe("Redid: Title"));
    expect(store.state.step).toBe("basics");
    expect(store.value("/document/title")).toBe("Desk SLA");
  });

  it("keeps Ctrl+Z inside a text box the box's own", async () => {
    const host = new FakeHost();
    const { store } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    store.edit("/document/version", "2.0");
    const title = byId<HTMLInputElement>("f-document-title");
    title.focus();
    fireEvent.keyDown(title, { key: "z", ctrlKey: true });
    expect(store.value("/document/version")).toBe("2.0");
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    expect(store.value("/document/version")).toBeUndefined();
  });

  it("lists every action with its shortcut on Ctrl+K and runs the one picked", async () => {
    const host = new FakeHost();
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    fireEvent.keyDown(document.body, { key: "k", ctrlKey: true });
    const input = await view.findByPlaceholderText("Type a command…");
    expect(byId("cmd-save").textContent).toBe("SaveCtrl+S");
    expect(byId("cmd-next").textContent).toBe("Next stepAlt+→");
    fireEvent.input(input, { target: { value: "go to supp" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(store.state.step).toBe("support");
    expect(store.state.palette).toBe(false);
    fireEvent.keyDown(document.body, { key: "ArrowRight", altKey: true });
    expect(store.state.step).toBe("cocreation");
    fireEvent.keyDown(document.body, { key: "PageUp", ctrlKey: true });
    expect(store.state.step).toBe("support");
  });

  it("shows the agreement's title and status in the header, the file on hover", async () => {
    const host = new FakeHost();
    const { store } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    store.edit("/document/title", "IT Service Desk SLA");
    await waitFor(() => expect(byId("doc-name").textContent).toBe("IT Service Desk SLA"));
    expect(byId("doc-status").textContent).toBe("Draft");
    expect(byId("doc-head").getAttribute("title")).toContain(store.state.name);
  });

  it("says the draft was not checked when the checks fail, never 'no findings'", async () => {
    const host = new FakeHost();
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    host.checkFailure = { group: "checks", kind: "failed", message: "The checks failed inside Pactwright (boom)" };
    store.edit("/document/title", "Payroll SLA");
    store.goto("review");
    await view.findByText("The draft could not be checked");
    expect(view.queryByText("Nothing for a reviewer to flag")).toBeNull();
    expect(document.getElementById("findings-count")?.textContent).toBe("Not checked");
    expect(view.getByText(/boom/)).toBeTruthy();
    // Once the checks work again, the findings come back.
    host.checkFailure = null;
    store.edit("/document/title", "Payroll SLA 2");
    await waitFor(() => expect(store.state.checkError).toBeNull());
  });

  it("shows a failure inside the preview once, keeps the draft and a recovery copy, and offers Save as", async () => {
    const host = new FakeHost();
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await vi.waitFor(() => expect(store.state.screen).toBe("editor"));
    host.previewFailure = { group: "preview", kind: "failed", message: "Pactwright failed inside while laying out the preview (boom)." };
    store.edit("/document/title", "Payroll SLA");
    await view.findByText("Pactwright failed inside");
    expect(document.getElementById("modal-body")?.textContent).toContain("laying out the preview (boom)");
    expect(store.state.draft?.document.title).toBe("Payroll SLA");
    expect(view.getByRole("button", { name: "Save as…" })).toBeTruthy();
    await waitFor(() => expect(host.calls.some((c) => c.cmd === "writeRecovery")).toBe(true));
    // Keep editing: the same failure again does not raise the modal again.
    fireEvent.click(view.getByText("Keep editing"));
    expect(store.state.modal).toBeNull();
    store.edit("/document/title", "Payroll SLA 2");
    await waitFor(() => expect(host.calls.filter((c) => c.cmd === "previewRender").length).toBeGreaterThan(2));
    expect(store.state.modal).toBeNull();
  });

  it("shows the sidebar's findings count per step", async () => {
    const host = new FakeHost();
    host.findings = [
      { severity: "warning", code: "c", pointer: "/support/priorities/0/definition", field: "Priority 1, definition", message: "m", hint: "h" },
      { severity: "error", code: "d", pointer: "/support/escalation", field: "Escalation", message: "m2", hint: "h" },
    ];
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await waitFor(() => expect(view.container.querySelector("#step-support .badge")?.textContent).toBe("2"));
    expect(view.container.querySelector("#step-support .badge")?.className).toContain("error");
  });

  it("edits the service hours and shows one downtime budget per availability target", async () => {
    const m = await openFull();
    await show(m, "warranty");
    expect(byId<HTMLInputElement>("f-service_hours-business_days").value).toBe("Mon-Fri");
    fireEvent.input(byId("f-service_hours-schedule"), { target: { value: "24x7" } });
    expect(m.store.value("/service_hours/schedule")).toBe("24x7");
    // SL1 and SL3 are availability targets; SL2 is not.
    await waitFor(() => expect(byId("budget-allowed-0").textContent).toBe("43m 12s"));
    expect(byId("budget-allowed-2").textContent).toBe("7h 12m");
    expect(document.getElementById("budget-1")).toBeNull();
    expect(byId("downtime-budget").textContent).toContain("Multi-zone deployments");
    expect(m.host.calls.filter((c) => c.cmd === "downtime").map((c) => c.args[1])).toEqual(expect.arrayContaining([0, 2]));
    fireEvent.click(m.view.getByText("Single instance uptime"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-service_levels-2-target"));
    expect(m.store.state.step).toBe("levels");
  });

  it("offers the public holidays of the service's country and adds them in one edit", async () => {
    const m = await openFull();
    await show(m, "warranty");
    fireEvent.click(byId("holidays-open"));
    await waitFor(() => expect(byId("holidays-summary").textContent).toBe("2 public holidays of United Kingdom from 1 January 2027 to 31 December 2027."));
    expect(byId<HTMLSelectElement>("holidays-country").value).toBe("United Kingdom");
    // Another country asks the core again.
    fireEvent.change(byId("holidays-country"), { target: { value: "Germany" } });
    await waitFor(() => expect(byId("holidays-list").textContent).toContain("Tag der Deutschen Einheit"));
    expect(m.host.calls.filter((c) => c.cmd === "publicHolidays").map((c) => c.args[1])).toEqual([null, "Germany"]);
    fireEvent.click(byId("holidays-add"));
    const dates = (m.store.value("/service_hours/holidays") as { date: string }[]).map((h) => h.date);
    expect(dates).toEqual(["2026-12-25", "2027-01-01", "2027-10-03"]);
    expect(m.store.state.toast).toBe("Added 2 public holidays of Germany");
    // One undo takes all of them back.
    m.store.undo();
    expect((m.store.value("/service_hours/holidays") as unknown[]).length).toBe(1);
    // Listed ones are counted, not offered again.
    m.store.redo();
    fireEvent.click(byId("holidays-open"));
    fireEvent.change(await waitFor(() => byId("holidays-country")), { target: { value: "Germany" } });
    await waitFor(() => expect(byId("holidays-summary").textContent).toBe("2 public holidays of Germany from 1 January 2027 to 31 December 2027 (2 already listed): all of them are listed."));
    expect(byId<HTMLButtonElement>("holidays-add").disabled).toBe(true);
  });

  it("follows the field being edited in the preview, and goes to the field of clicked text", async () => {
    const m = await openFull();
    m.host.spots.set("/service_hours/schedule", { page: 1, rect: [70, 300, 200, 12], pointer: "/service_hours/schedule" });
    await show(m, "warranty");
    await waitFor(() => expect(m.store.state.preview).not.toBeNull());
    byId("f-service_hours-schedule").focus();
    await waitFor(() => expect(m.store.state.active?.ptr).toBe("/service_hours/schedule"));
    await waitFor(() => expect(m.host.calls.filter((c) => c.cmd === "previewLocate").length).toBeGreaterThan(0));
    await waitFor(() => expect(document.getElementById("preview-mark")).not.toBeNull());
    const asked = m.host.calls.filter((c) => c.cmd === "previewLocate");
    expect(asked.at(-1)?.args[1]).toBe("/service_hours/schedule");
    expect(byId("preview-mark").parentElement?.dataset.index).toBe("1");
    expect(byId("preview-mark").style.top).toBe(`${(300 / 842) * 100}%`);
    // A field printed nowhere marks nothing.
    byId("f-service_hours-business_days").focus();
    await waitFor(() => expect(m.host.calls.filter((c) => c.cmd === "previewLocate").at(-1)?.args[1]).toBe("/service_hours/business_days"));

    // A click on a page's text goes to the field it comes from, on its step.
    m.host.fieldAt = { pointer: "/service_levels/1/target", heading: "7 Service levels", text: "15 min" };
    const canvas = await waitFor(() => {
      const c = m.view.container.querySelector<HTMLCanvasElement>('canvas[data-page="0"]');
      if (!c) throw new Error("page 1 is not painted");
      return c;
    });
    Object.defineProperty(canvas, "clientWidth", { value: 595, configurable: true });
    const click = new MouseEvent("click", { bubbles: true });
    Object.defineProperty(click, "offsetX", { value: 300 });
    Object.defineProperty(click, "offsetY", { value: 400 });
    canvas.dispatchEvent(click);
    await waitFor(() => expect(m.store.state.step).toBe("levels"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-service_levels-1-target"));
    expect(m.host.calls.filter((c) => c.cmd === "previewFieldAt").at(-1)?.args.slice(2)).toEqual([300, 400]);
    // Template text names its section: that step opens, and it says so.
    m.host.fieldAt = { pointer: null, heading: "4 The service offering", text: "the provider provides" };
    const again = new MouseEvent("click", { bubbles: true });
    Object.defineProperty(again, "offsetX", { value: 300 });
    Object.defineProperty(again, "offsetY", { value: 500 });
    m.view.container.querySelector('canvas[data-page="0"]')?.dispatchEvent(again);
    await waitFor(() => expect(m.store.state.toast).toBe("No field holds that text: it is the template's, under “4 The service offering”"));
    expect(m.store.state.step).toBe("offering");
  });

  it("compares with a saved version in the core's words and adds the change entry it prefills", async () => {
    const m = await openFull();
    m.host.versions = [{ id: "1700000000000", saved_at_ms: 1700000000000, version: "1.0", status: "Approved", title: "T" }];
    m.host.comparison = {
      against: "version 1.0 of full.agreement.json saved earlier",
      heading: "Changes from version 1.0 of T",
      totals: "2 changes in 2 sections: 0 added, 0 removed, 2 changed.",
      sections: [
        { name: "Service level targets", more: 0, changes: [{ op: "changed", line: "Availability (SL1) 99.5% → 99.9%: allowed downtime 3h 39m → 43m 50s", pointer: "/service_levels/0/target", words: [] }] },
        { name: "Service offering", more: 3, changes: [{ op: "changed", line: "service action 'x'", pointer: "/offering/actions/0/action", words: [{ op: "kept", text: "Reset " }, { op: "deleted", text: "now" }, { op: "inserted", text: "today" }] }] },
      ],
      entry: { version: "1.1", date: "2026-12-04", summary: "Availability (SL1) 99.5% → 99.9%; service action 'x' reworded." },
    };
    await show(m, "basics");
    fireEvent.click(byId("compare-open"));
    await waitFor(() => expect(byId<HTMLSelectElement>("compare-version").value).toBe("1700000000000"));
    fireEvent.click(byId("compare-run"));
    await waitFor(() => expect(byId("comparison-totals").textContent).toBe("2 changes in 2 sections: 0 added, 0 removed, 2 changed."));
    expect(m.host.calls.filter((c) => c.cmd === "compare").at(-1)?.args[1]).toEqual({ kind: "version", id: "1700000000000" });
    expect(byId("comparison").querySelector("del")?.textContent).toBe("now");
    expect(byId("comparison").querySelector("ins")?.textContent).toBe("today");
    expect(byId("comparison").textContent).toContain("… and 3 more changes in Service offering.");
    fireEvent.click(byId("compare-add-entry"));
    const history = m.store.value("/document/change_history") as { version: string; summary: string }[];
    expect(history.at(-1)).toEqual({ version: "1.1", date: "2026-12-04", author: "", summary: "Availability (SL1) 99.5% → 99.9%; service action 'x' reworded." });
    expect(m.store.value("/document/version")).toBe("1.1");
    // One undo takes back the number and the entry.
    m.store.undo();
    expect(m.store.value("/document/version")).toBeUndefined();
    // A change listed links to its field.
    fireEvent.click(byId("compare-open"));
    await waitFor(() => expect(byId<HTMLSelectElement>("compare-version").value).toBe("1700000000000"));
    fireEvent.click(byId("compare-run"));
    fireEvent.click(await waitFor(() => m.view.getByText("Availability (SL1) 99.5% → 99.9%: allowed downtime 3h 39m → 43m 50s")));
    await waitFor(() => expect(m.store.state.step).toBe("levels"));
  });

  it("zooms the preview to fit, 100%, 150% or page thumbnails, and remembers it", async () => {
    const m = await openFull();
    await waitFor(() => expect(m.store.state.preview).not.toBeNull());
    const pages = () => byId("preview-pages");
    expect(pages().className).toContain("zoom-fit");
    fireEvent.change(byId("preview-zoom"), { target: { value: "150" } });
    expect(pages().className).toContain("zoom-150");
    // 595 points at 150% of print size (4/3 px per point).
    expect(pages().querySelector<HTMLElement>(".page")?.style.width).toBe("1190px");
    fireEvent.keyDown(window, { key: "3", ctrlKey: true });
    expect(pages().className).toContain("zoom-pages");
    expect(localStorage.getItem("pactwright.previewZoom")).toBe("pages");
    fireEvent.keyDown(window, { key: "0", ctrlKey: true });
    expect(pages().className).toContain("zoom-fit");
  });

  it("edits an availability target's scope, period and own hours among the targets", async () => {
    const m = await openFull();
    await show(m, "levels");
    expect(byId<HTMLSelectElement>("f-service_levels-0-period").value).toBe("");
    expect(byId<HTMLSelectElement>("f-service_levels-2-period").value).toBe("calendar_quarter");
    expect(document.getElementById("f-service_levels-1-period")).toBeNull(); // response time: no period
    fireEvent.input(byId("f-service_levels-0-scope"), { target: { value: "Each multi-zone deployment" } });
    expect(m.store.value("/service_levels/0/scope")).toBe("Each multi-zone deployment");
    // Own hours: off for SL1, on (with fields) for SL3.
    expect(byId<HTMLInputElement>("f-service_levels-0-service_hours").checked).toBe(false);
    expect(document.getElementById("f-service_levels-0-service_hours-schedule")).toBeNull();
    fireEvent.click(byId("f-service_levels-0-service_hours"));
    await waitFor(() => expect(byId<HTMLInputElement>("f-service_levels-0-service_hours-schedule").value).toBe("Mon-Fri 08:00-18:00"));
    expect(m.store.value("/service_levels/0/service_hours/time_zone")).toBe("Europe/London");
    fireEvent.click(byId("f-service_levels-2-service_hours"));
    expect(m.store.value("/service_levels/2/service_hours")).toBeUndefined();
    await waitFor(() => expect(byId("budget-allowed-0").textContent).toBe("43m 12s"));
  });

  it("edits credit schemes: applies to targets by name, claim window, use, tiers", async () => {
    const m = await openFull();
    await show(m, "levels");
    const scheme = m.view.getByRole("region", { name: "Service credits" });
    expect(scheme.textContent).toContain("Multi-zone credits");
    expect(scheme.textContent).toContain("Credits for Single instance uptime, SL9");
    // The first scheme's targets, by name; SL1 ticked.
    const first = byId<HTMLInputElement>("f-credit_schemes-0-applies_to");
    expect(first.checked).toBe(true);
    expect(first.closest("label")?.textContent).toBe("Multi-zone uptime");
    fireEvent.click(byId("f-credit_schemes-0-applies_to-SL3"));
    expect(m.store.value("/credit_schemes/0/applies_to")).toEqual(["SL1", "SL3"]);
    // A target that no longer exists stays visible and can be unticked.
    const gone = byId<HTMLInputElement>("f-credit_schemes-1-applies_to-SL9");
    expect(gone.closest("label")?.textContent).toBe("SL9 (no such target)");
    fireEvent.click(gone);
    expect(m.store.value("/credit_schemes/1/applies_to")).toEqual(["SL3"]);
    fireEvent.change(byId("f-credit_schemes-1-usable"), { target: { value: "refund" } });
    expect(m.store.value("/credit_schemes/1/usable")).toBe("refund");
    expect(byId<HTMLInputElement>("f-credit_schemes-1-claim_window").value).toBe("2 billing cycles");
    fireEvent.click(byId("f-credit_schemes-1-tiers"));
    expect(m.store.value("/credit_schemes/1/tiers")).toHaveLength(2);
    fireEvent.click(byId("f-credit_schemes"));
    expect(m.store.value("/credit_schemes")).toHaveLength(3);
  });

  it("maps each impact and urgency to one priority, with a clock per priority", async () => {
    const m = await openFull();
    await show(m, "support");
    const cell = (impact: string, urgency: string) =>
      m.view.getByLabelText(`Priority for ${impact} impact and ${urgency} urgency`) as HTMLSelectElement;
    expect(cell("high", "high").value).toBe("0");
    expect(cell("medium", "high").value).toBe("1");
    expect(cell("low", "low").value).toBe("");
    // Moving high/medium from P2 to P1 takes it away from P2.
    fireEvent.change(cell("high", "medium"), { target: { value: "0" } });
    expect(m.store.value("/support/priorities/0/matrix")).toEqual([
      { impact: "high", urgency: "high" },
      { impact: "high", urgency: "medium" },
    ]);
    expect(m.store.value("/support/priorities/1/matrix")).toEqual([{ impact: "medium", urgency: "high" }]);
    fireEvent.change(cell("medium", "high"), { target: { value: "" } });
    expect(m.store.value("/support/priorities/1/matrix")).toBeUndefined();
    m.store.undo();
    expect(m.store.value("/support/priorities/1/matrix")).toEqual([{ impact: "medium", urgency: "high" }]);
    // The clock: P1 around the clock, P2 the support clock.
    expect(byId<HTMLSelectElement>("f-support-priorities-0-clock").value).toBe("calendar");
    expect(byId<HTMLSelectElement>("f-support-priorities-1-clock").value).toBe("");
    fireEvent.change(byId("f-support-priorities-1-clock"), { target: { value: "service_hours" } });
    expect(m.store.value("/support/priorities/1/clock")).toBe("service_hours");
    fireEvent.change(byId("f-support-priorities-0-clock"), { target: { value: "" } });
    expect(m.store.value("/support/priorities/0/clock")).toBeUndefined();
  });

  it("points an overlap finding at the matrix cell", async () => {
    const m = await openFull();
    m.store.edit("/support/priorities/1/matrix", [{ impact: "high", urgency: "high" }], null);
    m.host.findings = [{ severity: "error", code: "priority-matrix-overlap", pointer: "/support/priorities/1/matrix/0", field: "Priority 2, matrix, item 1", message: "listed twice", hint: "h" }];
    m.store.focusField("/support/priorities/1/matrix/0");
    await waitFor(() => expect(document.activeElement?.id).toBe("f-support-priorities-1-matrix-0"));
    expect((document.activeElement as HTMLSelectElement).value).toBe("0");
    expect(document.activeElement?.closest("td")?.getAttribute("title")).toBe("Listed under P1 and P2");
  });

  it("takes any hours for channels and actions, suggesting the usual ones", async () => {
    const m = await openFull();
    await show(m, "support");
    const hours = byId<HTMLInputElement>("f-support-channels-0-hours");
    expect(hours.value).toBe("Mon-Fri 09:00-17:30");
    const list = byId(hours.getAttribute("list") ?? "");
    expect(Array.from(list.querySelectorAll("option")).map((o) => o.value)).toEqual(["service_hours", "24x7", "Mon-Fri 09:00-17:30"]);
    fireEvent.input(hours, { target: { value: "Mon-Sat 08:00-20:00" } });
    expect(m.store.value("/support/channels/0/hours")).toBe("Mon-Sat 08:00-20:00");
    await show(m, "offering");
    expect(byId<HTMLInputElement>("f-offering-actions-0-hours").value).toBe("24x7");
    fireEvent.input(byId("f-offering-actions-0-hours"), { target: { value: "service_hours" } });
    expect(m.store.value("/offering/actions/0/hours")).toBe("service_hours");
  });

  it("edits escalation times per priority", async () => {
    const m = await openFull();
    await show(m, "support");
    expect(byId<HTMLSelectElement>("f-support-escalation-0-after-0-priority").value).toBe("");
    expect(byId<HTMLSelectElement>("f-support-escalation-0-after-1-priority").value).toBe("P1");
    fireEvent.change(byId("f-support-escalation-0-after-0-priority"), { target: { value: "P2" } });
    fireEvent.input(byId("f-support-escalation-0-after-0-after"), { target: { value: "2bd" } });
    expect(m.store.value("/support/escalation/0/after/0")).toEqual({ priority: "P2", after: "2bd" });
    fireEvent.click(byId("f-support-escalation-0-after"));
    expect(m.store.value("/support/escalation/0/after/2")).toEqual({ after: "1h" });
    fireEvent.click(byId("f-support-escalation-0-priorities-P2"));
    expect(m.store.value("/support/escalation/0/priorities")).toEqual(["P1", "P2"]);
  });

  it("holds a review on a cadence or after an event", async () => {
    const m = await openFull();
    await show(m, "cocreation");
    expect(byId<HTMLSelectElement>("f-relationship-reviews-0-cadence").value).toBe("monthly");
    expect(document.getElementById("f-relationship-reviews-0-on-event")).toBeNull();
    fireEvent.change(byId("f-relationship-reviews-0-cadence"), { target: { value: "on_event" } });
    expect(m.store.value("/relationship/reviews/0")).toEqual({ name: "r", on: { event: "incident", within: "5bd" } });
    await waitFor(() => expect(byId<HTMLSelectElement>("f-relationship-reviews-0-on-event").value).toBe("incident"));
    fireEvent.change(byId("f-relationship-reviews-0-on-priority"), { target: { value: "P1" } });
    expect(m.store.value("/relationship/reviews/0/on")).toEqual({ event: "incident", priority: "P1", within: "5bd" });
    // The report after every P1, and back to a cadence.
    expect(byId<HTMLSelectElement>("f-relationship-reports-1-frequency").value).toBe("on_event");
    expect(byId<HTMLSelectElement>("f-relationship-reports-1-on-priority").value).toBe("P1");
    expect(byId<HTMLInputElement>("f-relationship-reports-1-on-within").value).toBe("5bd");
    fireEvent.change(byId("f-relationship-reports-1-frequency"), { target: { value: "quarterly" } });
    expect(m.store.value("/relationship/reports/1")).toEqual({ name: "Root cause", frequency: "quarterly" });
  });

  it("edits the renewal term", async () => {
    const m = await openFull();
    await show(m, "terms");
    expect(byId<HTMLInputElement>("f-document-term-renewal_months").value).toBe("12");
    fireEvent.input(byId("f-document-term-renewal_months"), { target: { value: "6" } });
    expect(m.store.value("/document/term/renewal_months")).toBe(6);
  });
});
