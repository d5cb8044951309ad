// A reference to a person or team of the agreement, chosen by name: an
// accessible combobox (typeahead, arrows, Enter, Escape) whose options show
// each stakeholder's name, roles and side, and whose last option creates
// the person typed, in one undoable edit. The draft holds the stakeholder's
// id; the id is generated from the name and shown only on request (the
// option's and the chip's tooltip).
import { useState } from "preact/hooks";
import type { Agreement, Stakeholder } from "../bindings/agreement";
import { useStore } from "../context";
import { helpFor } from "../model/help";
import { ROLES, SIDES } from "../model/options";
import { fieldId, get, set } from "../model/pointer";

export interface Person {
  id: string;
  name: string;
  detail: string;
}

/** What a stakeholder is shown as: name, roles and side. */
export function people(draft: Agreement | null): Person[] {
  return (draft?.stakeholders ?? []).map((s: Stakeholder) => {
    const roles = (s.roles ?? []).map((r) => ROLES.find(([v]) => v === r)?.[1] ?? r);
    const side = SIDES.find(([v]) => v === (s.side ?? "provider"))?.[1] ?? "";
    return { id: s.id, name: s.name || s.title || "Unnamed", detail: [roles.join(", "), side].filter(Boolean).join(" · ") };
  });
}

/** A short id made from a name, unique among `taken`: "Ann O'Neill" -> "ann-oneill". */
export function idFromName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "person";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The draft with a new stakeholder named `name` and `then` applied to it
 * (which sets the reference), as one edit.
 */
export function withNewStakeholder(draft: Agreement, name: string, then: (d: Agreement, id: string) => Agreement): Agreement {
  const list = draft.stakeholders ?? [];
  const id = idFromName(name, list.map((s) => s.id));
  const next = set(draft, "/stakeholders", [...list, { id, name: name.trim(), side: "provider" }]);
  return then(next, id);
}

interface ComboProps {
  id: string;
  label: string;
  /** The name shown while not typing (the chosen person's). */
  shown: string;
  exclude?: string[];
  onPick: (id: string) => void;
  onCreate: (name: string) => void;
  describedBy?: string;
  placeholder?: string;
  /** What to choose from (the draft's stakeholders when not given). */
  options?: Person[];
  /** The last option's words for what is typed ("Create “Ann”"). */
  createText?: (typed: string) => string;
  /** Said when there is nothing to choose. */
  emptyText?: string;
  /** What the choices are, for tests and assistive technology. */
  kind?: string;
}

function Combo(props: ComboProps) {
  const store = useStore();
  const all = (props.options ?? people(store.state.draft)).filter((p) => !props.exclude?.includes(p.id));
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = text !== null;
  const q = (text ?? "").trim().toLowerCase();
  const matches = all.filter((p) => !q || p.name.toLowerCase().includes(q) || p.detail.toLowerCase().includes(q) || p.id.toLowerCase().includes(q));
  const exact = all.some((p) => p.name.toLowerCase() === q || p.id.toLowerCase() === q);
  const canCreate = q.length > 0 && !exact;
  const count = matches.length + (canCreate ? 1 : 0);
  const listId = `${props.id}-options`;
  const optId = (i: number) => `${props.id}-opt-${i}`;
  const choose = (i: number) => {
    if (i < matches.length) props.onPick(matches[i].id);
    else if (canCreate) props.onCreate((text ?? "").trim());
    setText(null);
  };
  return (
    <div class="picker">
      <input
        id={props.id}
        role="combobox"
        data-ref={props.kind ?? "stakeholder"}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && count ? optId(Math.min(active, count - 1)) : undefined}
        aria-describedby={props.describedBy}
        autocomplete="off"
        placeholder={props.placeholder ?? "Type a name"}
        value={open ? (text ?? "") : props.shown}
        onFocus={() => {
          setText("");
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setText(null), 150)}
        onClick={() => {
          // Clicked again after choosing (still focused): search afresh.
          if (!open) {
            setText("");
            setActive(0);
          }
        }}
        onInput={(e) => {
          const typed = (e.currentTarget as HTMLInputElement).value;
          // Typing after a choice searches for what is typed, not the name plus it.
          setText(!open && props.shown && typed.startsWith(props.shown) ? typed.slice(props.shown.length) : typed);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) setText("");
            setActive((a) => Math.min(a + 1, Math.max(0, count - 1)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter" && open && count > 0) {
            e.preventDefault();
            choose(Math.min(active, count - 1));
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setText(null);
          }
        }}
      />
      {open && (
        <ul class="picker-list" id={listId} role="listbox" aria-label={props.label}>
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={optId(i)}
              role="option"
              class={`picker-option ${i === active ? "active" : ""}`}
              aria-selected={i === active}
              title={`Id: ${p.id}`}
              data-id={p.id}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <span class="picker-name">{p.name}</span>
              {p.detail && <span class="picker-detail">{p.detail}</span>}
            </li>
          ))}
          {canCreate && (
            <li
              id={optId(matches.length)}
              role="option"
              class={`picker-option create ${active === matches.length ? "active" : ""}`}
              aria-selected={active === matches.length}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(matches.length);
              }}
            >
              {props.createText ? props.createText((text ?? "").trim()) : `Create “${(text ?? "").trim()}”`}
            </li>
          )}
          {count === 0 && <li class="picker-empty">{props.emptyText ?? "No one named yet: type a name to add them."}</li>}
        </ul>
      )}
    </div>
  );
}

function useFindingsOf(ptr: string, prefix = false) {
  const store = useStore();
  return store.state.findings.filter((f) => f.pointer === ptr || (prefix && f.pointer.startsWith(ptr + "/")));
}

function Frame(props: { ptr: string; label: string; findings: ReturnType<typeof useFindingsOf>; children: preact.ComponentChildren }) {
  const id = fieldId(props.ptr);
  const help = helpFor(props.ptr);
  const sev = props.findings.some((f) => f.severity === "error") ? "has-error" : props.findings.some((f) => f.severity === "warning") ? "has-warning" : "";
  return (
    <div class={`field ${sev}`}>
      <label for={id}>{props.label}</label>
      {props.children}
      {props.findings.map((f) => (
        <p class={`field-finding ${f.severity}`} id={`${id}-finding`} key={f.pointer + f.code}>
          {f.message}
        </p>
      ))}
      {help && (
        <p class="help" id={`${id}-help`}>
          {help.why}
        </p>
      )}
    </div>
  );
}

/** One stakeholder, chosen by name. */
export function PersonPicker(props: { ptr: string; label: string }) {
  const store = useStore();
  const v = store.value(props.ptr);
  const id = typeof v === "string" ? v : "";
  const who = people(store.state.draft).find((p) => p.id === id);
  const findings = useFindingsOf(props.ptr);
  return (
    <Frame ptr={props.ptr} label={props.label} findings={findings}>
      <Combo
        id={fieldId(props.ptr)}
        label={props.label}
        shown={who ? who.name : id ? `${id} (not a stakeholder)` : ""}
        describedBy={`${fieldId(props.ptr)}-help`}
        onPick={(pid) => store.edit(props.ptr, pid, null)}
        onCreate={(name) => {
          const d = store.state.draft;
          if (d) store.edit("", withNewStakeholder(d, name, (n, nid) => set(n, props.ptr, nid)), null);
        }}
      />
      {id && (
        <span class="picker-tools">
          <button type="button" class="link" aria-label={`Clear ${props.label.toLowerCase()}`} onClick={() => store.edit(props.ptr, undefined, null)}>
            Clear
          </button>
        </span>
      )}
    </Frame>
  );
}

/** Several stakeholders, each chosen by name; shown as chips. */
export function PeoplePicker(props: { ptr: string; label: string }) {
  const store = useStore();
  const v = store.value(props.ptr);
  const ids = Array.isArray(v) ? (v as string[]) : [];
  const all = people(store.state.draft);
  const findings = useFindingsOf(props.ptr, true);
  const add = (d: Agreement, id: string) => {
    const cur = get(d, props.ptr);
    const list = Array.isArray(cur) ? (cur as string[]) : [];
    return set(d, props.ptr, list.includes(id) ? list : [...list, id]);
  };
  return (
    <Frame ptr={props.ptr} label={props.label} findings={findings}>
      <div class="chips" aria-label={`${props.label}: chosen`}>
        {ids.map((pid, i) => {
          const p = all.find((x) => x.id === pid);
          return (
            <span class={`chip person ${p ? "" : "missing"}`} key={pid + i} title={`Id: ${pid}`} data-id={pid}>
              {p ? p.name : `${pid} (not a stakeholder)`}
              <button
                type="button"
                class="chip-x"
                aria-label={`Remove ${p ? p.name : pid}`}
                onClick={() => {
                  const next = ids.filter((_, j) => j !== i);
                  store.edit(props.ptr, next.length ? next : undefined, null);
                }}
              >
                ✕
              </button>
            </span>
          );
        })}
      </div>
      <Combo
        id={fieldId(props.ptr)}
        label={props.label}
        shown=""
        exclude={ids}
        placeholder="Add someone by name"
        describedBy={`${fieldId(props.ptr)}-help`}
        onPick={(pid) => {
          const d = store.state.draft;
          if (d) store.edit("", add(d, pid), null);
        }}
        onCreate={(name) => {
          const d = store.state.draft;
          if (d) store.edit("", withNewStakeholder(d, name, add), null);
        }}
      />
    </Frame>
  );
}

/**
 * The agreements this one supports (an OLA's or UC's SLAs), chosen by
 * title from the agreements Pactwright knows (recent files and samples
 * that state a reference); a reference not among them is kept as typed.
 */
export function AgreementsPicker(props: { ptr: string; label: string }) {
  const store = useStore();
  const v = store.value(props.ptr);
  const refs = Array.isArray(v) ? (v as string[]) : [];
  const start = store.state.start;
  const known = new Map<string, Person>();
  for (const r of start?.recent ?? []) {
    if (r.reference && r.kind === "sla") known.set(r.reference, { id: r.reference, name: r.title ?? r.name, detail: `${r.reference} · ${r.name}` });
  }
  for (const s of start?.samples ?? []) {
    if (s.reference && s.code === "sla" && !known.has(s.reference)) known.set(s.reference, { id: s.reference, name: s.title, detail: `${s.reference} · sample` });
  }
  const own = store.state.draft?.document.reference;
  if (own) known.delete(own);
  const findings = useFindingsOf(props.ptr, true);
  const add = (ref: string) => {
    if (!refs.includes(ref)) store.edit(props.ptr, [...refs, ref], null);
  };
  return (
    <Frame ptr={props.ptr} label={props.label} findings={findings}>
      <div class="chips" aria-label={`${props.label}: chosen`}>
        {refs.map((ref, i) => {
          const a = known.get(ref);
          return (
            <span class="chip agreement" key={ref + i} data-id={ref} title={a ? a.detail : "Not among the agreements opened here"}>
              {a ? `${a.name} (${ref})` : ref}
              <button
                type="button"
                class="chip-x"
                aria-label={`Remove ${ref}`}
                onClick={() => {
                  const next = refs.filter((_, j) => j !== i);
                  store.edit(props.ptr, next.length ? next : undefined, null);
                }}
              >
                ✕
              </button>
            </span>
          );
        })}
      </div>
      <Combo
        id={fieldId(props.ptr)}
        label={props.label}
        kind="agreement"
        shown=""
        exclude={refs}
        options={[...known.values()]}
        placeholder="Add an SLA by title or reference"
        createText={(typed) => `Use the reference “${typed}”`}
        emptyText="No SLAs opened here yet: type the SLA's reference."
        describedBy={`${fieldId(props.ptr)}-help`}
        onPick={add}
        onCreate={add}
      />
    </Frame>
  );
}
