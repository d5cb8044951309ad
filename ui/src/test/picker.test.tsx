// The people picker: people chosen by name, created in place in one
// undoable edit, ids never shown, renames followed by every reference.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { App } from "../components/App";
import { idFromName } from "../components/Picker";
import { StoreContext } from "../context";
import { FakeHost } from "../host/fake";
import { Store } from "../store";
import type { Agreement } from "../bindings/agreement";

afterEach(cleanup);
vi.setConfig({ testTimeout: 30000 });

const DRAFT = {
  schema_version: 2,
  document: { kind: "sla", title: "T" },
  stakeholders: [
    { id: "hok", name: "Helen Okafor", title: "CIO", side: "consumer", roles: ["sponsor", "customer"] },
    { id: "sd", name: "Service Desk", kind: "team", side: "provider", roles: ["service_provider"] },
  ],
} as unknown as Agreement;

async function open() {
  const host = new FakeHost();
  host.files.set("/d.agreement.json", structuredClone(DRAFT));
  const store = new Store(host);
  const view = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  await store.init();
  store.openRecent("/d.agreement.json");
  await waitFor(() => expect(store.state.screen).toBe("editor"));
  return { store, view };
}

const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const options = (id: string) => Array.from(document.querySelectorAll(`#${id}-options [role=option]`)).map((o) => o.textContent);

describe("the people picker", () => {
  it("makes ids from names, unique", () => {
    expect(idFromName("Helen O'Kafor", [])).toBe("helen-okafor");
    expect(idFromName("Zoë Brandt", ["zoe-brandt"])).toBe("zoe-brandt-2");
    expect(idFromName("  ", [])).toBe("person");
  });

  it("filters by name, shows role and side, picks with the keyboard and shows the name, never the id", async () => {
    const { store } = await open();
    const owner = input("f-document-owner");
    expect(owner.getAttribute("role")).toBe("combobox");
    fireEvent.focus(owner);
    fireEvent.input(owner, { target: { value: "hel" } });
    expect(options("f-document-owner")).toEqual(["Helen OkaforSponsor, Customer · Consumer", "Create “hel”"]);
    fireEvent.keyDown(owner, { key: "Enter" });
    expect(store.value("/document/owner")).toBe("hok");
    fireEvent.blur(owner);
    await waitFor(() => expect(input("f-document-owner").value).toBe("Helen Okafor"));
    // Arrows move, Escape closes without choosing.
    fireEvent.focus(owner);
    fireEvent.keyDown(owner, { key: "ArrowDown" });
    expect(owner.getAttribute("aria-activedescendant")).toBe("f-document-owner-opt-1");
    fireEvent.keyDown(owner, { key: "Escape" });
    expect(store.value("/document/owner")).toBe("hok");
    expect(owner.getAttribute("aria-expanded")).toBe("false");
  });

  it("creates the person typed in one undoable edit, and a rename keeps the reference", async () => {
    const { store } = await open();
    const approver = input("f-document-approver");
    fireEvent.focus(approver);
    fireEvent.input(approver, { target: { value: "Priya Shah" } });
    expect(options("f-document-approver").at(-1)).toBe("Create “Priya Shah”");
    fireEvent.keyDown(approver, { key: "ArrowDown" });
    fireEvent.keyDown(approver, { key: "Enter" });
    expect(store.value("/document/approver")).toBe("priya-shah");
    expect(store.value("/stakeholders/2/name")).toBe("Priya Shah");
    store.undo();
    expect(store.value("/document/approver")).toBeUndefined();
    expect((store.value("/stakeholders") as unknown[]).length).toBe(2);
    store.redo();
    // Renaming keeps the id, so the approver follows.
    store.edit("/stakeholders/2/name", "Priya Shah-Lee");
    fireEvent.blur(approver);
    await waitFor(() => expect(input("f-document-approver").value).toBe("Priya Shah-Lee"));
    expect(store.value("/document/approver")).toBe("priya-shah");
  });

  it("adds several people to a review as chips, by name", async () => {
    const { store } = await open();
    store.edit("/relationship/reviews", [{ name: "Monthly", cadence: "monthly" }], null);
    store.goto("cocreation");
    await waitFor(() => expect(document.getElementById("f-relationship-reviews-0-participants")).toBeTruthy());
    const box = input("f-relationship-reviews-0-participants");
    fireEvent.focus(box);
    fireEvent.input(box, { target: { value: "desk" } });
    fireEvent.keyDown(box, { key: "Enter" });
    fireEvent.focus(box);
    fireEvent.input(box, { target: { value: "Ann Lee" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(store.value("/relationship/reviews/0/participants")).toEqual(["sd", "ann-lee"]);
    await waitFor(() => expect(Array.from(document.querySelectorAll(".chip.person")).map((c) => c.textContent)).toEqual(["Service Desk✕", "Ann Lee✕"]));
    fireEvent.click(document.querySelector('[aria-label="Remove Service Desk"]')!);
    expect(store.value("/relationship/reviews/0/participants")).toEqual(["ann-lee"]);
  });
});

describe("the agreements an OLA supports", () => {
  it("are chosen by title from the SLAs opened here or typed as a reference", async () => {
    const host = new FakeHost();
    host.files.set("/ola.agreement.json", { ...structuredClone(DRAFT), document: { kind: "ola", title: "Network OLA", reference: "OLA-NET-001" } } as unknown as Agreement);
    host.startInfo = {
      recent: [
        { path: "/desk.agreement.json", name: "desk.agreement.json", folder: "/", exists: true, title: "IT Service Desk SLA", kind: "sla", reference: "SLA-ITSD-001", modified_ms: 0 },
        { path: "/ola.agreement.json", name: "ola.agreement.json", folder: "/", exists: true, title: "Network OLA", kind: "ola", reference: "OLA-NET-001", modified_ms: 0 },
      ],
      samples: [{ id: "cloud", title: "Nimbara Compute SLA", kind: "Service Level Agreement", code: "sla", reference: "SLA-NIM-004" }],
    };
    const store = new Store(host);
    render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    await store.init();
    store.openRecent("/ola.agreement.json");
    await waitFor(() => expect(store.state.screen).toBe("editor"));
    const id = "f-document-supports";
    fireEvent.focus(input(id));
    // SLAs only: the OLA itself is not offered.
    expect(options(id)).toEqual(["IT Service Desk SLASLA-ITSD-001 · desk.agreement.json", "Nimbara Compute SLASLA-NIM-004 · sample"]);
    fireEvent.input(input(id), { target: { value: "nimbara" } });
    fireEvent.keyDown(input(id), { key: "Enter" });
    expect(store.value("/document/supports")).toEqual(["SLA-NIM-004"]);
    // A reference Pactwright does not know is kept as typed.
    fireEvent.focus(input(id));
    fireEvent.input(input(id), { target: { value: "SLA-HR-009" } });
    expect(options(id)).toEqual(["Use the reference “SLA-HR-009”"]);
    fireEvent.keyDown(input(id), { key: "Enter" });
    expect(store.value("/document/supports")).toEqual(["SLA-NIM-004", "SLA-HR-009"]);
    expect(document.querySelector(".chip.agreement[data-id='SLA-NIM-004']")?.textContent).toContain("Nimbara Compute SLA (SLA-NIM-004)");
  });
});

describe("a picker used again after a choice", () => {
  it("searches afresh when clicked or typed into, never for the name plus what is typed", async () => {
    const { store } = await open();
    const id = "f-document-owner";
    fireEvent.focus(input(id));
    fireEvent.input(input(id), { target: { value: "helen" } });
    fireEvent.keyDown(input(id), { key: "Enter" });
    expect(store.value("/document/owner")).toBe("hok");
    expect(input(id).value).toBe("Helen Okafor");
    // Still focused: typing goes to a fresh search.
    fireEvent.input(input(id), { target: { value: "Helen Okaforserv" } });
    expect(options(id)).toEqual(["Service DeskService provider · Provider", "Create “serv”"]);
    fireEvent.keyDown(input(id), { key: "Escape" });
    // Clicked again: the whole list.
    fireEvent.click(input(id));
    expect(options(id).length).toBe(2);
  });
});
