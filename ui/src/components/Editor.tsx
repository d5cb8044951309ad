import { useEffect, useRef } from "preact/hooks";
import type { ComponentType } from "preact";
import { useStore } from "../context";
import { Store } from "../store";
import { STEPS, stepById, type StepId } from "../model/steps";
import { Basics, Terms } from "../steps/basics";
import { Stakeholders } from "../steps/people";
import { Offering, UtilityStep } from "../steps/offering";
import { Warranty } from "../steps/warranty";
import { Support } from "../steps/support";
import { CoCreation, Levels } from "../steps/cocreation";
import { Export, Review } from "../steps/review";
import { Sidebar } from "./Sidebar";
import { Preview } from "./Preview";

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

function Toolbar() {
  const store = useStore();
  const s = store.state;
  const errors = s.findings.filter((f) => f.severity === "error").length;
  return (
    <header class="toolbar">
      <button type="button" class="brand" onClick={() => store.goHome()} title="Start screen" aria-label="Back to the start screen">
        <img src="/icon.png" alt="" />
      </button>
      <div class="doc-name">
        <span class="doc-title" id="doc-name">
          {s.name}
        </span>
        {s.dirty && (
          <span class="unsaved" id="unsaved-mark" title="Unsaved changes">
            Edited
          </span>
        )}
        <span class="doc-path">{s.path ?? "Not saved yet"}</span>
      </div>
      <div class="tools">
        <button type="button" class="icon-text" onClick={() => store.undo()} disabled={!s.canUndo} title="Undo (Ctrl+Z)" id="undo">
          Undo
        </button>
        <button type="button" class="icon-text" onClick={() => store.redo()} disabled={!s.canRedo} title="Redo (Ctrl+Shift+Z)" id="redo">
          Redo
        </button>
        <span class="sep" />
        <button
          type="button"
          class={`findings-pill ${s.checkError || errors ? "error" : s.findings.length ? "warning" : "ok"}`}
          onClick={() => store.goto("review")}
          id="findings-count"
          data-count={s.findings.length}
        >
          {s.checkError
            ? "Not checked"
            : s.findings.length === 0
              ? "No findings"
              : `${s.findings.length} finding${s.findings.length === 1 ? "" : "s"}`}
        </button>
        <button type="button" onClick={() => void store.save()} title="Save (Ctrl+S)" id="save">
          Save
        </button>
        <button type="button" class="primary" onClick={() => void store.exportAs("pdf")} title="Export PDF (Ctrl+E)" id="export">
          Export PDF
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
    if (el) {
      el.scrollIntoView({ block: "center" });
      (el as HTMLElement).focus();
      el.classList.add("flash");
      setTimeout(() => el.classList.remove("flash"), 1200);
    }
  }, [focus?.seq]);

  // A new step starts at its top.
  useEffect(() => {
    if (!focus) main.current?.scrollTo({ top: 0 });
  }, [step]);

  return (
    <div class="editor">
      <Toolbar />
      <DiskChange />
      <div class="workspace">
        <Sidebar />
        <main class="form" ref={main} id="form">
          <div class="form-inner">
            <div class="step-head">
              <span class="step-count">
                Step {index + 1} of {STEPS.length}
              </span>
              <h2 id="step-title">{def.title}</h2>
              <p>{def.subtitle}</p>
            </div>
            <View />
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
        <Preview />
      </div>
    </div>
  );
}
