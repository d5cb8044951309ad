import { useEffect, useRef } from "preact/hooks";
import type { ComponentType } from "preact";
import { useStore } from "../context";
import { Store } from "../store";
import { STEPS, stepById, stepState, type StepId } from "../model/steps";
import { STATUSES } from "../model/options";
import { ptrOfFieldId } from "../model/pointer";
import { Basics, Terms } from "../steps/basics";
import { Stakeholders } from "../steps/people";
import { Offering, UtilityStep } from "../steps/offering";
import { Warranty } from "../steps/warranty";
import { Support } from "../steps/support";
import { CoCreation, Levels } from "../steps/cocreation";
import { Export, Review } from "../steps/review";
import { Sidebar } from "./Sidebar";
import { Preview } from "./Preview";
import { Boundary } from "./Boundary";

const VIEWS: Record<StepId, ComponentType> = {
  basics: Basics,
  stakeholders: Stakeholders,
  offering: Offering,
  utility: UtilityStep,
  warranty: Warranty,
  support: Support,
  cocreation: CoCreation,
  levels: Levels,
  terms: Terms,
  review: Review,
  export: Export,
};

const STATUS_TEXT: Record<string, string> = Object.fromEntries(STATUSES);
const KIND_SHORT: Record<string, string> = { sla: "SLA", ola: "OLA", uc: "UC", offering: "Service offering" };

function Toolbar() {
  const store = useStore();
  const s = store.state;
  const errors = s.findings.filter((f) => f.severity === "error").length;
  const doc = s.draft?.document;
  const title = doc?.title?.trim() || "Untitled agreement";
  const status = doc?.status ?? "draft";
  const where = s.path ? `${s.name}\n${s.path}` : `${s.name} (not saved yet)`;
  const undoTitle = `Undo (Ctrl+Z)`;
  return (
    <header class="toolbar">
      <button type="button" class="brand" onClick={() => store.goHome()} title="Start screen (Ctrl+N)" aria-label="Back to the start screen">
        <img src="/icon.png" alt="" />
      </button>
      <div class="doc-name" title={where} id="doc-head" data-file={s.name} data-path={s.path ?? ""}>
        <span class="doc-title" id="doc-name">
          {title}
        </span>
        <span class="doc-kind">{KIND_SHORT[doc?.kind ?? "sla"] ?? ""}</span>
        <span class={`doc-status status-${status}`} id="doc-status">
          {STATUS_TEXT[status] ?? status}
        </span>
        {s.dirty && (
          <span class="unsaved" id="unsaved-mark" title="Unsaved changes">
            Edited
          </span>
        )}
      </div>
      <div class="tools">
        <span class="tools-wide">
          <button type="button" class="icon-text" onClick={() => store.undo()} disabled={!s.canUndo} title={undoTitle} id="undo">
            Undo
          </button>
          <button type="button" class="icon-text" onClick={() => store.redo()} disabled={!s.canRedo} title="Redo (Ctrl+Shift+Z)" id="redo">
            Redo
          </button>
          <span class="sep" />
        </span>
        <button
          type="button"
          class={`findings-pill ${s.checkError || errors ? "error" : s.findings.length ? "warning" : "ok"}`}
          onClick={() => store.goto("review")}
          id="findings-count"
          data-count={s.findings.length}
          title="Review the findings"
        >
          {s.checkError
            ? "Not checked"
            : s.findings.length === 0
              ? "No findings"
              : `${s.findings.length}`}
          <span class="pill-word">{s.checkError || s.findings.length === 0 ? "" : ` finding${s.findings.length === 1 ? "" : "s"}`}</span>
        </button>
        <button type="button" onClick={() => void store.save()} title="Save (Ctrl+S)" id="save">
          Save
        </button>
        <button type="button" class="primary" onClick={() => void store.exportAs("pdf")} title="Export PDF (Ctrl+E)" id="export">
          Export PDF
        </button>
        <button
          type="button"
          class="icon-text menu-button"
          onClick={() => store.openPalette()}
          title="All commands (Ctrl+K)"
          aria-label="All commands"
          aria-haspopup="dialog"
          id="menu"
        >
          ☰
        </button>
      </div>
    </header>
  );
}

/** Another program changed or removed the open file while it has unsaved edits. */
function DiskChange() {
  const store = useStore();
  const change = store.state.diskChange;
  if (!change) return null;
  return (
    <div class="disk-change" role="alert" id="disk-change">
      <span>
        {change.removed
          ? `${change.name} was moved or deleted by another program. Your edits are still here: save them to keep them.`
          : `${change.name} was changed by another program. Your unsaved edits are still here.`}
      </span>
      {!change.removed && (
        <button type="button" class="danger" id="disk-reload" onClick={() => void store.reloadFromDisk()}>
          Reload from disk
        </button>
      )}
      <button type="button" id="disk-keep" onClick={() => store.keepMine()}>
        Keep my edits
      </button>
    </div>
  );
}

/**
 * A field's name as its step shows it: the label of its field, after the
 * title of the card it is in ("Priority P1 · Resolution"), or the list's
 * title for a list's own controls; the step's title when nothing closer.
 */
export function fieldLabel(el: Element | null, step: string): string {
  if (!el) return step;
  const text = (n: Element | null | undefined) => n?.textContent?.trim() || "";
  const own = text(el.closest(".field")?.querySelector(":scope > label, :scope > legend")) || text(el.closest("fieldset")?.querySelector("legend"));
  const card = text(el.closest(".card")?.querySelector(".card-title"));
  const list = el.closest(".repeater")?.getAttribute("aria-label") ?? "";
  const parts = [card || (own ? "" : list), own].filter(Boolean);
  return parts.length ? parts.join(" · ") : step;
}

/**
 * What the core's checks still find on this step, in one line: the fields
 * by the names the step shows them, each a link to its field.
 */
function StillMissing() {
  const store = useStore();
  const def = stepById(store.state.step);
  if (!def.prefixes.length || store.state.checkError) return null;
  const open = stepState(def, store.state.findings).findings.filter((f) => f.severity !== "info");
  if (!open.length) {
    return (
      <p class="still-missing done" id="still-missing">
        Nothing is missing here.
      </p>
    );
  }
  const shown = open.slice(0, 4);
  return (
    <p class="still-missing" id="still-missing">
      Still to do: {shown.map((f, i) => (
        <span key={f.pointer + f.code}>
          {i > 0 && ", "}
          <a href={`#${f.pointer}`} class={f.severity} onClick={(e) => { e.preventDefault(); store.focusField(f.pointer); }}>
            {f.field || f.message}
          </a>
        </span>
      ))}
      {open.length > shown.length && ` and ${open.length - shown.length} more (see Review)`}.
    </p>
  );
}

export function Editor() {
  const store = useStore();
  const { step, focus } = store.state;
  const def = stepById(step);
  const View = VIEWS[step];
  const main = useRef<HTMLDivElement>(null);
  const index = STEPS.findIndex((s) => s.id === step);

  // Focus the field a finding points at, once its step is on screen.
  useEffect(() => {
    if (!focus) return;
    const id = Store.targetId(focus.ptr, (i) => document.getElementById(i) !== null);
    const el = id ? document.getElementById(id) : null;
    if (focus.undo) store.say(`${focus.undo}: ${fieldLabel(el, def.title)}`);
    if (el) {
      el.scrollIntoView({ block: "center" });
      (el as HTMLElement).focus();
      el.classList.add("flash");
      setTimeout(() => el.classList.remove("flash"), 1200);
    }
  }, [focus?.seq]);

  // The preview follows the field being edited (or the card it is in).
  // (A listener of its own: focusin has no on-property Preact could use.)
  useEffect(() => {
    const form = main.current;
    if (!form) return;
    const onFocus = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      const ptr = ptrOfFieldId(el.id) ?? el.closest<HTMLElement>("[data-ptr]")?.dataset.ptr;
      if (ptr) store.setActive(ptr);
    };
    form.addEventListener("focusin", onFocus);
    return () => form.removeEventListener("focusin", onFocus);
  }, [store]);

  // A new step starts at its top.
  useEffect(() => {
    if (!focus) main.current?.scrollTo({ top: 0 });
  }, [step]);

  return (
    <div class="editor">
      <Toolbar />
      <DiskChange />
      <div
        class={`workspace ${store.state.previewOpen ? "" : "preview-closed"}`}
        style={{ "--preview-w": `${store.state.previewWidth}px` }}
      >
        <Sidebar />
        <main class="form" ref={main} id="form">
          <div class="form-inner">
            <div class="step-head">
              <span class="step-count">
                Step {index + 1} of {STEPS.length}
              </span>
              <h2 id="step-title">{def.title}</h2>
              <p>{def.subtitle}</p>
              <StillMissing />
            </div>
            <Boundary what="This step" resetKey={step}>
              <View />
            </Boundary>
            <div class="step-nav">
              {index > 0 ? (
                <button type="button" onClick={() => store.goto(STEPS[index - 1].id)}>
                  ← {STEPS[index - 1].title}
                </button>
              ) : (
                <span />
              )}
              {index < STEPS.length - 1 && (
                <button type="button" class="primary" id="next-step" onClick={() => store.goto(STEPS[index + 1].id)}>
                  {STEPS[index + 1].title} →
                </button>
              )}
            </div>
          </div>
        </main>
        <Boundary what="The preview" resetKey={store.state.preview?.revision}>
          <Preview />
        </Boundary>
      </div>
    </div>
  );
}
