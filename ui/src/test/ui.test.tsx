import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { App } from "../components/App";
import { StoreContext } from "../context";
import { FakeHost } from "../host/fake";
import { Store } from "../store";
import { STEPS, type StepId } from "../model/steps";
import { helpFor } from "../model/help";
import type { Agreement } from "../bindings/agreement";

afterEach(cleanup);

function mount(host = new FakeHost()) {
  const store = new Store(host, { checkDelay: 0, previewDelay: 0, recoveryEvery: 60000 });
  const view = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  return { store, host, view };
}

const FULL = {
  schema_version: 1,
  document: { kind: "sla", title: "T" },
  stakeholders: [{ id: "a", name: "A", roles: ["sponsor"] }],
  offering: { goods: [{ name: "g" }], access: [{ resource: "r" }], actions: [{ action: "x" }] },
  warranty: { availability: { target: "99.9%", maintenance: [{ when: "Sun", frequency: "monthly", duration: "1h" }] }, capacity: [{ metric: "m", commitment: "c" }] },
  support: { channels: [{ name: "c", kind: "portal" }], priorities: [{ id: "P1" }], escalation: [{ contact: "x", when: "y" }] },
  relationship: { reviews: [{ name: "r", cadence: "monthly" }], reports: [{ name: "r", frequency: "monthly" }], contacts: [{ stakeholder: "a", purpose: "p" }] },
  service_levels: [{ id: "SL1", name: "n", metric: "availability", target: "99%" }],
  credits: { applies_to: "x", tiers: [{ below: "99%", credit: "10%" }] },
} as unknown as Agreement;

describe("the editor", () => {
  it("starts on the start screen and creates an SLA", async () => {
    const { store, view } = mount();
    await store.init();
    fireEvent.click(await view.findByText("Service level agreement"));
    await waitFor(() => expect(view.getByText("Step 1 of 11")).toBeTruthy());
    expect((view.getByLabelText("Title") as HTMLInputElement).value).toBe("New sla");
  });

  it("labels every input, gives every field help with an example, in every step", async () => {
    const host = new FakeHost();
    host.files.set("/full.agreement.json", FULL);
    const { store, view } = mount(host);
    await store.init();
    store.openRecent("/full.agreement.json");
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
    const link = await view.findByText("the title is missing");
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement?.id).toBe("f-document-title"));
    expect(store.state.step).toBe("basics");
    fireEvent.input(document.activeElement!, { target: { value: "Fixed" } });
    await waitFor(() => expect(store.state.findings.length).toBe(0));
  });

  it("shows the sidebar's findings count per step", async () => {
    const host = new FakeHost();
    host.findings = [
      { severity: "warning", code: "c", pointer: "/support/priorities/0/definition", message: "m", hint: "h" },
      { severity: "error", code: "d", pointer: "/support/escalation", message: "m2", hint: "h" },
    ];
    const { store, view } = mount(host);
    await store.init();
    store.newDraft("sla");
    await waitFor(() => expect(view.container.querySelector("#step-support .badge")?.textContent).toBe("2"));
    expect(view.container.querySelector("#step-support .badge")?.className).toContain("error");
  });
});
