// Walks every leaf field of schema/agreement.schema.json (the core's
// model, through $refs, arrays and objects) and fails naming each one that
// no step edits. "Edited" is read from the real form: the draft is filled
// in from the schema itself (every field present, every list one item
// long), every step is rendered, and a field counts as edited when an
// input with its field id (or an editor marked data-edits for it) is on
// screen. Stakeholder references must be edited by the people picker.
import schemaJson from "../../../schema/agreement.schema.json";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, waitFor } from "@testing-library/preact";
import { App } from "../components/App";
import { StoreContext } from "../context";
import { FakeHost } from "../host/fake";
import { Store } from "../store";
import { STEPS } from "../model/steps";
import { fieldId } from "../model/pointer";

afterEach(cleanup);

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  $defs?: Record<string, Schema>;
};

const root = schemaJson as unknown as Schema;

function deref(s: Schema): Schema {
  let cur = s;
  while (cur.$ref) {
    const name = cur.$ref.replace("#/$defs/", "");
    cur = { ...root.$defs![name], description: cur.description ?? root.$defs![name].description };
  }
  return cur;
}

/** The schema without its null alternative (an optional field). */
function strip(s: Schema): Schema {
  const d = deref(s);
  const alts = d.anyOf ?? (Array.isArray(d.type) ? null : null);
  if (alts) {
    const rest = alts.filter((a) => deref(a).type !== "null");
    if (rest.length === 1) return { ...deref(rest[0]), description: d.description ?? deref(rest[0]).description };
  }
  return d;
}

const isObject = (s: Schema) => !!s.properties;
const isArray = (s: Schema) => s.type === "array" || (Array.isArray(s.type) && s.type.includes("array"));

interface Leaf {
  ptr: string;
  description: string;
}

/** Every leaf pointer (array items as "*"); a list of plain values is one leaf. */
function leaves(s: Schema, ptr: string, out: Leaf[]) {
  const d = strip(s);
  if (isObject(d)) {
    for (const [k, v] of Object.entries(d.properties!)) leaves(v, `${ptr}/${k}`, out);
  } else if (isArray(d) && d.items && isObject(strip(d.items))) {
    leaves(d.items, `${ptr}/*`, out);
  } else {
    out.push({ ptr, description: d.description ?? "" });
  }
  return out;
}

/** A value for every field: lists one item long, enums their first choice. */
function fill(s: Schema): unknown {
  const d = strip(s);
  if (isObject(d)) return Object.fromEntries(Object.entries(d.properties!).map(([k, v]) => [k, fill(v)]));
  if (isArray(d)) return d.items ? [fill(d.items)] : [];
  if (d.enum) return d.enum[0];
  if (d.const !== undefined) return d.const;
  const alts = d.oneOf ?? d.anyOf;
  if (alts) return fill(alts[0]);
  const t = Array.isArray(d.type) ? d.type[0] : d.type;
  if (t === "integer" || t === "number") return 1;
  if (t === "boolean") return true;
  return "x";
}

/** The draft with every field, in the variants that show every editor. */
function fullDraft() {
  type Obj = Record<string, unknown>;
  const a = fill(root) as { schema_version: number; document: Obj; stakeholders: Obj[]; service_levels: Obj[] };
  a.schema_version = 2;
  a.document.kind = "ola"; // shows "supports"
  a.stakeholders[0].id = "x";
  const target = a.service_levels[0];
  a.service_levels = [
    { ...target, metric: "availability" },
    { ...structuredClone(target), id: "y", metric: "response_time" }, // shows "priority"
  ];
  return a;
}

/** Leaves edited by nothing a user should see. */
const NOT_EDITED: Record<string, string> = {
  "/schema_version": "the file format's version, set by Pactwright",
  "/stakeholders/*/id": "generated from the name and never typed; shown as the tooltip of a person's name",
  "/document/change_history/*/approval/by": "written by Approve (Basics), shown read-only on its change",
  "/document/change_history/*/approval/fingerprint": "written by Approve (Basics), shown read-only on its change",
};

const idPattern = (ptr: string) =>
  new RegExp("^" + fieldId(ptr.replace(/\*/g, "9999")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/9999/g, "\\d+") + "$");

describe("every field of the schema", () => {
  it("has an editor in some step, and stakeholder references a people picker", async () => {
    const host = new FakeHost();
    host.files.set("/all.agreement.json", fullDraft() as never);
    const store = new Store(host);
    const view = render(
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>,
    );
    await store.init();
    store.openRecent("/all.agreement.json");
    await waitFor(() => expect(store.state.screen).toBe("editor"));
    const editors = new Map<string, HTMLElement>();
    const edits: [string, string[]][] = [];
    for (const step of STEPS) {
      store.goto(step.id);
      await waitFor(() => expect(view.container.querySelector("#step-title")?.textContent).toBe(step.title));
      for (const el of Array.from(view.container.querySelectorAll<HTMLElement>(".form [id]"))) {
        if (!/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) continue;
        editors.set(el.id, el.cloneNode() as HTMLElement);
        const also = el.getAttribute("data-edits");
        if (also) edits.push([el.id, also.split(" ")]);
      }
    }
    const all = leaves(root, "", []);
    expect(all.length).toBeGreaterThan(150);
    const missing: string[] = [];
    const notPicked: string[] = [];
    for (const leaf of all) {
      if (NOT_EDITED[leaf.ptr]) continue;
      const own = idPattern(leaf.ptr);
      const parent = leaf.ptr.slice(0, leaf.ptr.lastIndexOf("/"));
      const key = leaf.ptr.slice(leaf.ptr.lastIndexOf("/") + 1);
      const parentId = idPattern(parent);
      const found = [...editors.keys()].find((id) => own.test(id));
      const composite = edits.some(([id, keys]) => parentId.test(id) && keys.includes(key));
      if (!found && !composite) missing.push(leaf.ptr);
      if (found && /^Stakeholder ids? /.test(leaf.description)) {
        const el = editors.get(found)!;
        if (el.getAttribute("role") !== "combobox" || el.getAttribute("data-ref") !== "stakeholder") notPicked.push(leaf.ptr);
      }
    }
    expect(missing, "fields with no editor").toEqual([]);
    // What Approve writes is shown, read-only, where it is.
    store.goto("basics");
    await waitFor(() => expect(view.container.querySelector("#step-title")?.textContent).toBe("Basics"));
    for (const ptr of Object.keys(NOT_EDITED).filter((p) => p.includes("/approval/"))) {
      const shown = Array.from(view.container.querySelectorAll("output[id]")).some((el) => idPattern(ptr).test(el.id));
      expect(shown, `${ptr} is shown`).toBe(true);
    }
    expect(notPicked, "stakeholder references typed by hand").toEqual([]);
  }, 60000);
});
