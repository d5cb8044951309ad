// Form fields bound to a JSON pointer in the draft. Each has a label, the
// help for its field (why it matters, an example) and the findings that
// point at it; its id is fieldId(pointer), so a finding can focus it.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useStore } from "../context";
import { helpFor } from "../model/help";
import { fieldId } from "../model/pointer";
import { datePattern, formatDate, parseDate } from "../model/dates";

function useFindings(ptr: string) {
  const store = useStore();
  return store.state.findings.filter((f) => f.pointer === ptr);
}

/** The findings on one field, under it. */
function Findings({ list, id }: { list: ReturnType<typeof useFindings>; id?: string }) {
  return (
    <>
      {list.map((f) => (
        <p class={`field-finding ${f.severity}`} id={id} key={f.code + f.message}>
          {f.message}
        </p>
      ))}
    </>
  );
}

/** A field's help: why it matters, and an example. */
function Help({ id, help }: { id: string; help: ReturnType<typeof helpFor> }) {
  if (!help) return null;
  return (
    <p class="help" id={`${id}-help`}>
      {help.why} <span class="eg">e.g. {help.example}</span>
    </p>
  );
}

interface FieldShell {
  ptr: string;
  label: string;
  children: ComponentChildren;
  wide?: boolean;
  hideHelp?: boolean;
}

function Shell({ ptr, label, children, wide }: FieldShell) {
  const id = fieldId(ptr);
  const help = helpFor(ptr);
  const findings = useFindings(ptr);
  const severity = findings.some((f) => f.severity === "error")
    ? "error"
    : findings.some((f) => f.severity === "warning")
      ? "warning"
      : null;
  return (
    <div class={`field ${wide ? "wide" : ""} ${severity ? "has-" + severity : ""}`}>
      <label for={id}>{label}</label>
      {children}
      <Findings list={findings} id={`${id}-finding`} />
      <Help id={id} help={help} />
    </div>
  );
}

function describedBy(ptr: string, hasFinding: boolean): string {
  const id = fieldId(ptr);
  return [hasFinding ? `${id}-finding` : "", `${id}-help`].filter(Boolean).join(" ");
}

export function Text(props: {
  ptr: string;
  label: string;
  wide?: boolean;
  type?: string;
  multiline?: boolean;
  /** Values offered as the user types (value, what it means); any other text is allowed. */
  suggestions?: [string, string][];
  /** Shown while empty, instead of the help's example (e.g. what an empty field means). */
  placeholder?: string;
}) {
  if (props.type === "date") return <DateText ptr={props.ptr} label={props.label} />;
  return <PlainText {...props} />;
}

/**
 * A date, shown as the system locale writes it (no grey "today" when
 * empty); typed in that order or as 2026-04-01, kept as an ISO date.
 * Text that is no date that way is kept as typed (the checks say so).
 */
export function DateText(props: { ptr: string; label: string }) {
  const store = useStore();
  const { ptr, label } = props;
  const v = store.value(ptr);
  const stored = v === undefined || v === null ? "" : String(v);
  const [text, setText] = useState<string | null>(null);
  const findings = useFindings(ptr);
  return (
    <Shell ptr={ptr} label={label}>
      <input
        id={fieldId(ptr)}
        type="text"
        inputMode="numeric"
        class="date-input"
        value={text ?? formatDate(stored)}
        placeholder={datePattern()}
        data-iso={stored}
        aria-describedby={describedBy(ptr, findings.length > 0)}
        aria-invalid={findings.some((f) => f.severity === "error") ? true : undefined}
        onFocus={() => setText(formatDate(stored))}
        onBlur={() => setText(null)}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          setText(t);
          store.edit(ptr, t.trim() === "" ? undefined : (parseDate(t) ?? t));
        }}
      />
    </Shell>
  );
}

function PlainText(props: Parameters<typeof Text>[0]) {
  const store = useStore();
  const { ptr, label } = props;
  const v = store.value(ptr);
  const value = v === undefined || v === null ? "" : String(v);
  const findings = useFindings(ptr);
  const help = helpFor(ptr);
  const common = {
    id: fieldId(ptr),
    value,
    placeholder: props.placeholder ?? (help ? help.example : ""),
    "aria-describedby": describedBy(ptr, findings.length > 0),
    "aria-invalid": findings.some((f) => f.severity === "error") ? true : undefined,
    onInput: (e: Event) => store.edit(ptr, (e.currentTarget as HTMLInputElement).value),
  };
  const list = props.suggestions ? `${common.id}-suggestions` : undefined;
  return (
    <Shell ptr={ptr} label={label} wide={props.wide || props.multiline}>
      {props.multiline ? <textarea rows={3} {...common} /> : <input type={props.type ?? "text"} list={list} {...common} />}
      {props.suggestions && (
        <datalist id={list}>
          {props.suggestions.map(([value, text]) => (
            <option value={value} key={value}>
              {text}
            </option>
          ))}
        </datalist>
      )}
    </Shell>
  );
}

export function NumberField(props: { ptr: string; label: string }) {
  const store = useStore();
  const v = store.value(props.ptr);
  const findings = useFindings(props.ptr);
  return (
    <Shell ptr={props.ptr} label={props.label}>
      <input
        id={fieldId(props.ptr)}
        type="number"
        min={0}
        value={typeof v === "number" ? String(v) : ""}
        placeholder={helpFor(props.ptr)?.example}
        aria-describedby={describedBy(props.ptr, findings.length > 0)}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          store.edit(props.ptr, t === "" ? undefined : Math.max(0, Math.round(Number(t))));
        }}
      />
    </Shell>
  );
}

export function Select(props: { ptr: string; label: string; options: [string, string][]; empty?: string }) {
  const store = useStore();
  const v = store.value(props.ptr);
  return (
    <Pick
      ptr={props.ptr}
      label={props.label}
      options={props.options}
      empty={props.empty}
      value={typeof v === "string" ? v : undefined}
      onPick={(value) => store.edit(props.ptr, value || undefined, null)}
    />
  );
}

/**
 * A choice from a list whose value and change the caller decides: for a
 * choice that edits more than one field (a cadence or an event).
 */
export function Pick(props: {
  ptr: string;
  label: string;
  options: [string, string][];
  value: string | undefined;
  empty?: string;
  onPick: (value: string) => void;
}) {
  const findings = useFindings(props.ptr);
  const v = props.value;
  // A value the list does not know (an id since removed) stays shown.
  const options = v && !props.options.some(([o]) => o === v) ? [...props.options, [v, v] as [string, string]] : props.options;
  return (
    <Shell ptr={props.ptr} label={props.label}>
      <select
        id={fieldId(props.ptr)}
        // A missing value is the model's default: the first choice, unless
        // "not stated" is a choice of its own.
        value={v !== undefined ? v : props.empty !== undefined ? "" : (options[0]?.[0] ?? "")}
        aria-describedby={describedBy(props.ptr, findings.length > 0)}
        onChange={(e) => props.onPick((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {options.map(([value, text]) => (
          <option value={value} key={value}>
            {text}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function Check(props: { ptr: string; label: string; text: string }) {
  const store = useStore();
  const v = store.value(props.ptr) === true;
  return (
    <Shell ptr={props.ptr} label={props.label}>
      <span class="check">
        <input
          type="checkbox"
          id={fieldId(props.ptr)}
          checked={v}
          aria-describedby={describedBy(props.ptr, false)}
          onChange={(e) => store.edit(props.ptr, (e.currentTarget as HTMLInputElement).checked || undefined, null)}
        />
        <span>{props.text}</span>
      </span>
    </Shell>
  );
}

/** A list of short texts, one per line. */
export function Lines(props: { ptr: string; label: string; rows?: number }) {
  const store = useStore();
  const v = store.value(props.ptr);
  const list = Array.isArray(v) ? (v as unknown[]).map(String) : [];
  const joined = list.join("\n");
  const [text, setText] = useState(joined);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(joined);
  }, [joined, focused]);
  const findings = useFindings(props.ptr);
  const help = helpFor(props.ptr);
  return (
    <Shell ptr={props.ptr} label={props.label} wide>
      <textarea
        id={fieldId(props.ptr)}
        rows={props.rows ?? Math.max(2, Math.min(8, list.length + 1))}
        value={focused ? text : joined}
        placeholder={help ? `One per line, e.g. ${help.example}` : "One per line"}
        aria-describedby={describedBy(props.ptr, findings.length > 0)}
        onFocus={() => {
          setText(joined);
          setFocused(true);
        }}
        onBlur={() => setFocused(false)}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLTextAreaElement).value;
          setText(t);
          const items = t.split("\n").map((s) => s.trim()).filter(Boolean);
          store.edit(props.ptr, items.length ? items : undefined);
        }}
      />
    </Shell>
  );
}

/** Several choices from a fixed set, as checkboxes. */
export function Choices(props: { ptr: string; label: string; options: [string, string][]; empty?: string }) {
  const store = useStore();
  const v = store.value(props.ptr);
  const chosen = Array.isArray(v) ? (v as string[]) : [];
  const id = fieldId(props.ptr);
  const help = helpFor(props.ptr);
  const findings = useFindings(props.ptr);
  return (
    <fieldset class="field wide choices" aria-describedby={`${id}-help`}>
      <legend>{props.label}</legend>
      <div class="choice-row">
        {props.options.length === 0 && props.empty && <span class="empty-note">{props.empty}</span>}
        {props.options.map(([value, text], i) => (
          <label class="chip" key={value}>
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${value}`}
              checked={chosen.includes(value)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                const next = props.options.map(([o]) => o).filter((o) => (o === value ? on : chosen.includes(o)));
                store.edit(props.ptr, next.length ? next : undefined, null);
              }}
            />
            <span>{text}</span>
          </label>
        ))}
      </div>
      <Findings list={findings} />
      <Help id={id} help={help} />
    </fieldset>
  );
}

/** Lists of up to this many cards start open; longer ones start closed. */
export const OPEN_UP_TO = 3;

/** A list of records, each a card with its own fields, closable to one line. */
export function Repeater(props: {
  ptr: string;
  title: string;
  noun: string;
  make: () => Record<string, unknown>;
  summary: (item: Record<string, unknown>, index: number) => string;
  /** A card title's tooltip (e.g. an id shown only when asked for). */
  titleOf?: (item: Record<string, unknown>) => string;
  empty: string;
  render: (base: string, index: number) => ComponentChildren;
}) {
  const store = useStore();
  const v = store.value(props.ptr);
  const items = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  const findings = useFindings(props.ptr);
  return (
    <section class="repeater" aria-label={props.title}>
      <div class="repeater-head">
        <h3>{props.title}</h3>
        <span class="count">{items.length || ""}</span>
      </div>
      <Findings list={findings} />
      {items.length === 0 && <p class="empty-note">{props.empty}</p>}
      {items.map((item, i) => {
        const base = `${props.ptr}/${i}`;
        // Long lists start closed, one line each; short ones open.
        const open = store.state.cards[base] ?? items.length <= OPEN_UP_TO;
        const inside = store.state.findings.filter((f) => f.pointer.startsWith(base + "/") || f.pointer === base);
        const worst = inside.some((f) => f.severity === "error") ? "error" : inside.length ? "warning" : null;
        return (
        <div class={`card ${open ? "open" : "closed"}`} key={i} data-ptr={base}>
          <div class="card-head">
            <button
              type="button"
              class="card-toggle"
              aria-expanded={open}
              aria-label={`${open ? "Close" : "Open"} ${props.summary(item, i) || `${props.noun} ${i + 1}`}`}
              onClick={() => store.toggleCard(base, !open)}
            >
              <span class="chevron" aria-hidden="true">{open ? "▾" : "▸"}</span>
              <span class="card-title" title={props.titleOf?.(item)}>{props.summary(item, i) || `${props.noun} ${i + 1}`}</span>
              {!open && worst && (
                <span class={`badge ${worst}`} aria-label={`${inside.length} finding${inside.length === 1 ? "" : "s"}`}>
                  {inside.length}
                </span>
              )}
            </button>
            <span class="card-tools">
              <button type="button" class="icon" title="Move up" aria-label={`Move ${props.noun} ${i + 1} up`} disabled={i === 0} onClick={() => store.move(props.ptr, i, i - 1)}>↑</button>
              <button type="button" class="icon" title="Move down" aria-label={`Move ${props.noun} ${i + 1} down`} disabled={i === items.length - 1} onClick={() => store.move(props.ptr, i, i + 1)}>↓</button>
              <button type="button" class="icon danger" title="Remove" aria-label={`Remove ${props.noun} ${i + 1}`} onClick={() => store.remove(props.ptr, i)}>✕</button>
            </span>
          </div>
          {open && <div class="grid">{props.render(base, i)}</div>}
        </div>
        );
      })}
      <button type="button" class="add" id={fieldId(props.ptr)} onClick={() => store.append(props.ptr, props.make())}>
        + Add {props.noun.toLowerCase()}
      </button>
    </section>
  );
}

/**
 * A part of the record that is there only when it differs from a default
 * (a target's own service hours): a checkbox adds it, filled by `make`,
 * and removes it; its fields show while it is there.
 */
export function Optional(props: {
  ptr: string;
  label: string;
  text: string;
  make: () => Record<string, unknown>;
  children: ComponentChildren;
}) {
  const store = useStore();
  const on = store.value(props.ptr) !== undefined && store.value(props.ptr) !== null;
  return (
    <>
      <Shell ptr={props.ptr} label={props.label} wide>
        <span class="check">
          <input
            type="checkbox"
            id={fieldId(props.ptr)}
            checked={on}
            aria-describedby={describedBy(props.ptr, false)}
            onChange={(e) => store.edit(props.ptr, (e.currentTarget as HTMLInputElement).checked ? props.make() : undefined, null)}
          />
          <span>{props.text}</span>
        </span>
      </Shell>
      {on && props.children}
    </>
  );
}

export function Section(props: { title: string; note?: string; children: ComponentChildren }) {
  return (
    <section class="section">
      <h3>{props.title}</h3>
      {props.note && <p class="section-note">{props.note}</p>}
      <div class="grid">{props.children}</div>
    </section>
  );
}
