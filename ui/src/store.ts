// The application state and every action on it. Talks to the shell only
// through the Host it is given, so tests run it against a fake host.
import type { Agreement } from "./bindings/agreement";
import type {
  AnswerError,
  Answers,
  ApprovalInfo,
  BudgetNote,
  ExportFormat,
  ExportProgress,
  Exported,
  Finding,
  Opened,
  PreviewInfo,
  StartInfo,
  TargetBudget,
  WorkEvent,
} from "./bindings/ipc";
import { asIpcError, type Host, type Kind } from "./host/types";
import { History } from "./model/history";
import { ancestors, fieldId, get, move, removeAt, set } from "./model/pointer";
import { STEPS, stepOf, type StepId } from "./model/steps";

export interface ModalButton {
  label: string;
  kind?: "primary" | "danger" | "plain";
  action: () => void | Promise<void>;
}
export interface Modal {
  title: string;
  body: string;
  buttons: ModalButton[];
}

export interface ExportState {
  busy: boolean;
  format: ExportFormat | null;
  progress: ExportProgress | null;
  result: Exported | null;
  error: string | null;
}

/** The downtime budget of one availability target. */
export interface BudgetOfTarget {
  /** The target's index in service_levels. */
  index: number;
  budget: TargetBudget | null;
  /** Why there is no budget (the core's words), when there is none. */
  note: BudgetNote | null;
}

export interface State {
  screen: "start" | "editor";
  start: StartInfo | null;
  startError: string | null;
  draft: Agreement | null;
  path: string | null;
  name: string;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  step: StepId;
  findings: Finding[];
  invalid: boolean;
  /** Where the draft stands on approval (the core's words and approvers). */
  approval: ApprovalInfo | null;
  /** Set when the checks themselves failed: the draft is not checked. */
  checkError: string | null;
  /** One budget per availability target, in the order of the targets. */
  budgets: BudgetOfTarget[];
  preview: PreviewInfo | null;
  previewError: string | null;
  previewMs: number | null;
  modal: Modal | null;
  /** The open file was changed or removed by another program. */
  diskChange: { name: string; removed: boolean } | null;
  toast: string | null;
  exporting: ExportState;
  /** A field to focus; `undo` says it is there because undo or redo changed it. */
  focus: { ptr: string; seq: number; undo?: "Undid" | "Redid" } | null;
  /** Cards (list items, by pointer) opened or closed by the user; others follow the list's default. */
  cards: Record<string, boolean>;
  /** The command palette is open. */
  palette: boolean;
  /** The preview pane is shown, and its width in CSS pixels (both remembered). */
  previewOpen: boolean;
  previewWidth: number;
  /** How the pages are shown: to the pane's width, at 100% or 150% of print size, or as page thumbnails (remembered). */
  previewZoom: PreviewZoom;
  /** The field being edited (focused), which the preview follows. */
  active: { ptr: string; seq: number } | null;
}

export type PreviewZoom = "fit" | "100" | "150" | "pages";
export const ZOOMS: [PreviewZoom, string][] = [
  ["pages", "Pages"],
  ["fit", "Fit width"],
  ["100", "100%"],
  ["150", "150%"],
];
const savedZoom = (): PreviewZoom => {
  const z = saved("pactwright.previewZoom");
  return ZOOMS.some(([k]) => k === z) ? (z as PreviewZoom) : "fit";
};

/** Remembered layout preferences (the webview's local storage). */
const saved = (key: string): string | null => {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem(key);
  } catch {
    return null;
  }
};
const remember = (key: string, value: string) => {
  try {
    if (typeof localStorage !== "undefined") localStorage.setItem(key, value);
  } catch {
    /* not remembered */
  }
};
export const PREVIEW_MIN = 280;
export const PREVIEW_MAX = 900;

const initial: State = {
  screen: "start",
  start: null,
  startError: null,
  draft: null,
  path: null,
  name: "Untitled",
  dirty: false,
  canUndo: false,
  canRedo: false,
  step: "basics",
  findings: [],
  invalid: false,
  approval: null,
  checkError: null,
  budgets: [],
  preview: null,
  previewError: null,
  previewMs: null,
  modal: null,
  diskChange: null,
  toast: null,
  exporting: { busy: false, format: null, progress: null, result: null, error: null },
  focus: null,
  cards: {},
  palette: false,
  previewOpen: saved("pactwright.previewOpen") !== "false",
  previewZoom: savedZoom(),
  active: null,
  previewWidth: Math.min(PREVIEW_MAX, Math.max(PREVIEW_MIN, Number(saved("pactwright.previewWidth")) || 420)),
};

export class Store {
  state: State = initial;
  /** Increases with every change of state. */
  version = 0;
  private listeners = new Set<() => void>();
  private history: History<Agreement | null> = new History<Agreement | null>(null);
  private savedId = 0;
  private focusSeq = 0;
  /** The first edit after the user chose to edit an approved draft. */
  private editingApprovedFrom = 0;
  /** The number of the last edit handed to the shell (every draft shown). */
  private editSeq = 0;
  /** The first edit of the open document: older results are for another. */
  private docEdit = 0;
  /** The last edit each kind of result reflects (read by the end-to-end tests). */
  readonly seen = { checked: 0, laid: 0, budgets: 0 };
  private unlistenWork: (() => void) | null = null;
  /** When each edit not yet seen in the preview was made. */
  private readonly editAt = new Map<number, number>();
  /** Edit time per preview revision, for the latency measurement. */
  readonly editTimes = new Map<number, number>();
  /** Wall-clock time (ms since 1970) the first preview page was shown. */
  firstPageAt = 0;
  /** Measured edit-to-page-shown latencies, in ms. */
  readonly latencies: number[] = [];

  constructor(readonly host: Host) {}

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<State>) {
    const before = this.state;
    this.state = { ...this.state, ...patch };
    this.version += 1;
    if (before.name !== this.state.name || before.dirty !== this.state.dirty || before.screen !== this.state.screen) {
      void this.host.setWindowState(this.title(), this.state.dirty).catch(() => {});
    }
    this.listeners.forEach((l) => l());
  }

  title(): string {
    if (this.state.screen === "start") return "Pactwright";
    return `${this.state.dirty ? "• " : ""}${this.state.name} — Pactwright`;
  }

  // ---- start -------------------------------------------------------------

  async init(): Promise<void> {
    void this.host.onCloseRequested(() => this.requestClose());
    this.unlistenWork = await this.host.onWork((e) => this.onWork(e));
    let start: StartInfo;
    try {
      start = await this.host.start();
    } catch (e) {
      this.set({ startError: asIpcError(e).message });
      return;
    }
    this.set({ start, startError: start.initial_error });
    if (start.initial) this.load(start.initial);
    if (start.recovery) {
      const when = new Date(start.recovery.saved_at_ms).toLocaleString();
      const what = start.recovery.path ? start.recovery.path.split(/[\\/]/).pop() : "an untitled agreement";
      this.set({
        modal: {
          title: "Recover unsaved changes?",
          body: `Pactwright closed without saving changes to ${what}. A recovery copy from ${when} is available.`,
          buttons: [
            { label: "Discard", kind: "danger", action: () => this.discardRecovery() },
            { label: "Recover", kind: "primary", action: () => this.restoreRecovery() },
          ],
        },
      });
    }
  }

  dispose(): void {
    this.unlistenWork?.();
  }

  private async refreshStart() {
    try {
      const start = await this.host.start();
      this.set({ start: { ...start, initial: null, initial_error: null, recovery: null } });
    } catch {
      /* keep the old lists */
    }
  }

  private load(o: Opened, dirty = false) {
    const entry = this.history.reset(o.draft);
    this.savedId = dirty ? -1 : entry.id;
    this.set({
      screen: "editor",
      draft: o.draft,
      path: o.path,
      name: o.name,
      dirty,
      canUndo: false,
      canRedo: false,
      step: "basics",
      cards: {},
      findings: [],
      invalid: false,
      approval: null,
      budgets: [],
      preview: null,
      previewError: null,
      modal: null,
      diskChange: null,
      exporting: { ...initial.exporting },
      toast: o.migrated_from ? `Migrated from file format version ${o.migrated_from}; saving writes the current version.` : null,
    });
    this.docEdit = this.sendEdit(o.draft);
  }

  private async restoreRecovery() {
    this.set({ modal: null });
    try {
      const o = await this.host.restoreRecovery();
      if (o) this.load(o, true);
    } catch (e) {
      this.showError("Could not recover", e);
    }
  }

  private async discardRecovery() {
    this.set({ modal: null });
    await this.host.discardRecovery().catch(() => {});
  }

  // ---- guarded document actions -------------------------------------------

  /** Runs `action` now, or after asking what to do with unsaved changes. */
  guard(action: () => void | Promise<void>, verb = "continuing"): void {
    if (!this.state.dirty) {
      void action();
      return;
    }
    this.set({
      modal: {
        title: `Save changes to ${this.state.name}?`,
        body: `Your changes will be lost if you don't save them before ${verb}.`,
        buttons: [
          { label: "Cancel", kind: "plain", action: () => this.set({ modal: null }) },
          {
            label: "Don't save",
            kind: "danger",
            action: async () => {
              this.set({ modal: null });
              await this.host.discardRecovery().catch(() => {});
              await action();
            },
          },
          {
            label: "Save",
            kind: "primary",
            action: async () => {
              this.set({ modal: null });
              if (await this.save()) await action();
            },
          },
        ],
      },
    });
  }

  newDraft(kind: Kind): void {
    this.guard(async () => {
      try {
        this.load(await this.host.newDraft(kind));
      } catch (e) {
        this.showError("Could not create the agreement", e);
      }
    }, "starting a new agreement");
  }

  /**
   * Starts an agreement from the interview's answers, filled in by the
   * core. Resolves to the answers it cannot use (in the core's words),
   * empty when the agreement is open.
   */
  async startFromAnswers(answers: Answers): Promise<AnswerError[]> {
    // Asked on the start screen, where no draft is open (leaving one asked already).
    try {
      const made = await this.host.newFromAnswers(answers);
      if (made.opened) this.load(made.opened);
      return made.errors;
    } catch (e) {
      this.showError("Could not create the agreement", e);
      return [];
    }
  }

  /** Starts from a copy of an existing agreement (for another consumer and term). */
  startFromCopy(): void {
    this.guard(async () => {
      try {
        const o = await this.host.copyDialog();
        if (o) this.load(o);
      } catch (e) {
        this.showOpenError(e);
      }
    }, "starting a new agreement");
  }

  open(): void {
    this.guard(async () => {
      try {
        const o = await this.host.openDialog();
        if (o) this.load(o);
      } catch (e) {
        this.showOpenError(e);
      }
    }, "opening another agreement");
  }

  openRecent(path: string): void {
    this.guard(async () => {
      try {
        this.load(await this.host.openRecent(path));
      } catch (e) {
        this.showOpenError(e);
      }
    }, "opening another agreement");
  }

  openSample(id: string): void {
    this.guard(async () => {
      try {
        this.load(await this.host.openSample(id));
      } catch (e) {
        this.showOpenError(e);
      }
    }, "opening a sample");
  }

  goHome(): void {
    this.guard(async () => {
      this.history.reset(null);
      this.set({ screen: "start", draft: null, dirty: false, path: null, name: "Untitled" });
      await this.refreshStart();
    }, "closing this agreement");
  }

  requestClose(): void {
    this.guard(() => this.host.closeWindow(), "closing Pactwright");
  }

  private showOpenError(e: unknown) {
    const err = asIpcError(e);
    if (this.state.screen === "start") this.set({ startError: err.message });
    else this.showError("Could not open the file", e);
  }

  private showError(title: string, e: unknown) {
    this.set({
      modal: {
        title,
        body: asIpcError(e).message,
        buttons: [{ label: "OK", kind: "primary", action: () => this.set({ modal: null }) }],
      },
    });
  }

  /** The message of the last failure inside already shown, so a failing
   * preview does not raise the same modal on every keystroke. */
  private failureShown = "";

  /**
   * A failure inside Pactwright (a panic in the layout or the export): a
   * modal that says so with its message, keeps the draft, writes a
   * recovery copy at once, and offers to save it under another name.
   */
  private failedInside(e: unknown): boolean {
    const err = asIpcError(e);
    if (err.kind !== "failed") return false;
    if (err.message === this.failureShown) return true;
    this.failureShown = err.message;
    const draft = this.state.draft;
    if (draft) void this.host.writeRecovery(draft).catch(() => {});
    this.set({
      modal: {
        title: "Pactwright failed inside",
        body: `${err.message} A recovery copy of the draft has been kept; it is offered again if Pactwright closes now.`,
        buttons: [
          { label: "Keep editing", kind: "plain", action: () => this.set({ modal: null }) },
          {
            label: "Save as…",
            kind: "primary",
            action: async () => {
              this.set({ modal: null });
              await this.saveAs();
            },
          },
        ],
      },
    });
    return true;
  }

  closeModal(): void {
    this.set({ modal: null });
  }

  dismissToast(): void {
    this.set({ toast: null });
  }

  // ---- saving ----------------------------------------------------------------

  /** Saves; true when saved. Asks before overwriting a file changed on disk. */
  async save(force = false): Promise<boolean> {
    const draft = this.state.draft;
    if (!draft) return false;
    const id = this.history.current.id;
    try {
      const saved = await this.host.save(draft, force);
      if (!saved) return false;
      this.markSaved(id, saved.path, saved.name);
      return true;
    } catch (e) {
      const err = asIpcError(e);
      if (err.kind === "changed_on_disk") {
        return new Promise<boolean>((resolve) => {
          this.set({
            modal: {
              title: "The file changed on disk",
              body: `${err.message}. Overwrite it with your version, or save yours under another name?`,
              buttons: [
                { label: "Cancel", kind: "plain", action: () => { this.set({ modal: null }); resolve(false); } },
                { label: "Save as…", kind: "plain", action: async () => { this.set({ modal: null }); resolve(await this.saveAs()); } },
                { label: "Overwrite", kind: "danger", action: async () => { this.set({ modal: null }); resolve(await this.save(true)); } },
              ],
            },
          });
        });
      }
      this.showError("Could not save", e);
      return false;
    }
  }

  async saveAs(): Promise<boolean> {
    const draft = this.state.draft;
    if (!draft) return false;
    const id = this.history.current.id;
    try {
      const saved = await this.host.saveAs(draft);
      if (!saved) return false;
      this.markSaved(id, saved.path, saved.name);
      return true;
    } catch (e) {
      this.showError("Could not save", e);
      return false;
    }
  }

  private markSaved(id: number, path: string, name: string) {
    this.savedId = id;
    this.set({
      path,
      name,
      dirty: this.history.current.id !== id,
      diskChange: null,
      toast: `Saved ${name}`,
    });
  }

  // ---- editing -----------------------------------------------------------------

  value(ptr: string): unknown {
    return get(this.state.draft, ptr);
  }

  edit(ptr: string, value: unknown, mergeKey: string | null = ptr): void {
    if (!this.state.draft) return;
    this.commit(ptr, set(this.state.draft, ptr, value), mergeKey);
  }

  /**
   * Makes `next` the draft, one undoable edit. The first edit of an
   * approved or signed draft asks first, in the core's words: editing
   * returns it to draft (the status and the signatures are not part of
   * the text approved, so changing them does not ask).
   */
  private commit(ptr: string, next: Agreement, mergeKey: string | null): void {
    const warning = this.state.approval?.edit_warning;
    if (warning && ptr !== "/document/status" && !ptr.startsWith("/signatures")) {
      this.set({
        modal: {
          title: "Edit an approved agreement?",
          body: warning,
          buttons: [
            { label: "Cancel", kind: "plain", action: () => this.set({ modal: null, focus: { ptr, seq: ++this.focusSeq } }) },
            {
              label: "Edit and return to draft",
              kind: "primary",
              action: async () => {
                const before = this.state.draft;
                let draft: Agreement;
                try {
                  draft = await this.host.returnToDraft(next);
                } catch (e) {
                  this.set({ modal: null, toast: `Not changed: ${asIpcError(e).message}` });
                  return;
                }
                if (this.state.draft !== before) return; // another document meanwhile
                this.editingApprovedFrom = this.editSeq + 1;
                this.set({ modal: null, approval: this.state.approval && { ...this.state.approval, edit_warning: null } });
                this.apply(this.history.push(draft, null, Date.now(), ptr).value, ptr);
                this.set({ focus: { ptr, seq: ++this.focusSeq }, toast: "Returned to draft: approve it again when it is ready" });
              },
            },
          ],
        },
      });
      return;
    }
    this.apply(this.history.push(next, mergeKey, Date.now(), ptr).value, ptr);
  }

  /**
   * An edit that follows from the last edit, when that edit changed
   * `after`: made part of it (one undo takes back both). Otherwise an
   * edit of its own.
   */
  editFollowing(after: string, ptr: string, value: unknown): void {
    if (!this.state.draft) return;
    if (this.history.undoPtr !== after) {
      this.edit(ptr, value, null);
      return;
    }
    this.apply(this.history.amend(set(this.state.draft, ptr, value)).value, after);
  }

  /**
   * Records the approval of the draft as it is (the core checks who may
   * and that nothing is in error), as one undoable edit. Returns null, or
   * why not in the core's words.
   */
  async approve(by: string, date: string | null): Promise<string | null> {
    const draft = this.state.draft;
    if (!draft) return "No draft is open.";
    try {
      const done = await this.host.approve(draft, by, date);
      if (this.state.draft !== draft) return "The draft changed meanwhile: approve it again.";
      if (done.changed) {
        this.apply(this.history.push(done.draft, null, Date.now(), "/document/status").value, "/document/status");
      }
      this.say(done.message);
      return null;
    } catch (e) {
      return asIpcError(e).message;
    }
  }

  append(ptr: string, item: unknown): void {
    const list = (this.value(ptr) as unknown[] | undefined) ?? [];
    // A new card opens, to be filled in.
    this.set({ cards: { ...this.state.cards, [`${ptr}/${list.length}`]: true } });
    this.edit(ptr, [...list, item], null);
  }

  /** Opens or closes the card of the list item at `ptr`. */
  toggleCard(ptr: string, open: boolean): void {
    this.set({ cards: { ...this.state.cards, [ptr]: open } });
  }

  /** The cards holding `ptr`, opened (so a finding or an undo can show its field). */
  private cardsOpenFor(ptr: string): Record<string, boolean> {
    const cards = { ...this.state.cards };
    for (const a of ancestors(ptr)) if (/\/\d+$/.test(a)) cards[a] = true;
    return cards;
  }

  /** Shows a brief message. */
  say(text: string): void {
    this.set({ toast: text });
  }

  remove(ptr: string, index: number): void {
    if (!this.state.draft) return;
    this.commit(ptr, removeAt(this.state.draft, ptr, index), null);
  }

  move(ptr: string, from: number, to: number): void {
    if (!this.state.draft) return;
    this.commit(ptr, move(this.state.draft, ptr, from, to), null);
  }

  /**
   * Undoes the last edit, wherever it was: goes to its step, focuses its
   * field and says what was undone (the editor names the field as the
   * step shows it). Inside a text box Ctrl+Z stays the box's own undo.
   */
  undo(): void {
    const e = this.history.undo();
    if (e) this.applyHistory(e.value, e.changed, "Undid");
  }

  redo(): void {
    const e = this.history.redo();
    if (e) this.applyHistory(e.value, e.changed, "Redid");
  }

  /** The pointer the next undo (or redo) changes, for the buttons' titles. */
  get undoPtr(): string | null {
    return this.history.undoPtr;
  }
  get redoPtr(): string | null {
    return this.history.redoPtr;
  }

  private applyHistory(draft: Agreement | null, ptr: string | null, verb: "Undid" | "Redid") {
    this.apply(draft, ptr);
    if (ptr === null) {
      this.set({ toast: verb === "Undid" ? "Undid the last change" : "Redid the change" });
      return;
    }
    this.set({ step: stepOf(ptr), cards: this.cardsOpenFor(ptr), focus: { ptr, seq: ++this.focusSeq, undo: verb } });
  }

  private apply(draft: Agreement | null, _ptr: string | null) {
    this.set({
      draft,
      dirty: this.history.current.id !== this.savedId,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    });
    if (draft) this.sendEdit(draft);
  }

  // ---- derived: findings, budget, preview (worked out by the shell) -----------

  /** The number of the last edit handed to the shell. */
  get lastEdit(): number {
    return this.editSeq;
  }

  /** Hands the draft to the shell once; its results come back as events. */
  private sendEdit(draft: Agreement): number {
    const edit = ++this.editSeq;
    this.editAt.set(edit, performance.now());
    void this.host.update(draft, edit).catch((e) => this.set({ previewError: asIpcError(e).message }));
    return edit;
  }

  /** A result of the shell's background work. */
  private onWork(e: WorkEvent) {
    if (e.kind === "changed_on_disk") {
      this.changedOnDisk(e.path, e.name, e.removed);
      return;
    }
    // A result for a document no longer open.
    if (e.edit < this.docEdit || !this.state.draft) return;
    const kind = e.kind === "check_failed" ? "checked" : e.kind === "preview_failed" ? "laid" : e.kind;
    this.seen[kind] = Math.max(this.seen[kind], e.edit);
    switch (e.kind) {
      case "checked":
        this.set({
          findings: e.result.findings,
          invalid: e.result.invalid,
          checkError: null,
          // A result from before the user chose to edit an approved draft
          // still carries the warning: it has been answered.
          approval: e.edit < this.editingApprovedFrom ? { ...e.result.approval, edit_warning: null } : e.result.approval,
        });
        break;
      case "check_failed":
        // Never shown as "no findings": the draft was not checked.
        this.set({ checkError: e.error.message });
        break;
      case "budgets":
        this.set({
          budgets: e.budgets.map(({ index, budget }) =>
            "Ok" in budget
              ? { index, budget: budget.Ok, note: null }
              : { index, budget: null, note: budget.Err },
          ),
        });
        break;
      case "laid": {
        const at = this.editAt.get(e.edit) ?? 0;
        for (const k of this.editAt.keys()) if (k <= e.edit) this.editAt.delete(k);
        this.editTimes.set(e.info.revision, at);
        this.set({ preview: e.info, previewError: null });
        break;
      }
      case "preview_failed":
        this.set({ previewError: e.error.message });
        this.failedInside(e.error);
        break;
    }
  }

  /** The budget of the availability target at `index`, once computed. */
  budgetOf(index: number): BudgetOfTarget | undefined {
    return this.state.budgets.find((b) => b.index === index);
  }

  // ---- the open file changed on disk -------------------------------------------

  /**
   * Another program changed (or removed) the open file. With no unsaved
   * changes it is reloaded at once; with some, the user is told and
   * chooses (saving later still asks before overwriting).
   */
  private changedOnDisk(path: string, name: string, removed: boolean) {
    if (this.state.screen !== "editor" || this.state.path !== path) return;
    if (!removed && !this.state.dirty) {
      void this.reloadFromDisk(`Reloaded ${name}: another program changed it.`);
      return;
    }
    this.set({ diskChange: { name, removed } });
  }

  /** Opens the file again as it is on disk, dropping unsaved changes. */
  async reloadFromDisk(toast = ""): Promise<void> {
    const path = this.state.path;
    if (!path) return;
    try {
      const o = await this.host.openRecent(path);
      this.load(o);
      if (toast) this.set({ toast });
    } catch (e) {
      this.showOpenError(e);
    }
  }

  /** Keeps the edits in the window; the change on disk is not shown again. */
  keepMine(): void {
    this.set({ diskChange: null });
  }

  /** Called by the preview when a page of `revision` is on screen. */
  pageShown(revision: number): void {
    if (this.firstPageAt === 0) this.firstPageAt = performance.timeOrigin + performance.now();
    const at = this.editTimes.get(revision);
    if (at === undefined || at === 0) return;
    this.editTimes.delete(revision);
    const ms = performance.now() - at;
    this.latencies.push(ms);
    this.set({ previewMs: ms });
  }

  // ---- navigation ------------------------------------------------------------------

  goto(step: StepId): void {
    this.set({ step });
  }

  /** The next (`by` 1) or previous (-1) step. */
  stepBy(by: number): void {
    const i = STEPS.findIndex((s) => s.id === this.state.step) + by;
    if (i >= 0 && i < STEPS.length) this.goto(STEPS[i].id);
  }

  openPalette(): void {
    if (this.state.screen === "editor") this.set({ palette: true });
  }

  closePalette(): void {
    this.set({ palette: false });
  }

  togglePreview(open = !this.state.previewOpen): void {
    remember("pactwright.previewOpen", String(open));
    this.set({ previewOpen: open });
  }

  /** Shows the pages at `zoom` (remembered). */
  setPreviewZoom(zoom: PreviewZoom): void {
    remember("pactwright.previewZoom", zoom);
    this.set({ previewZoom: zoom, previewOpen: true });
  }

  /** The user is editing the field at `ptr`: the preview follows it. */
  setActive(ptr: string): void {
    if (this.state.active?.ptr === ptr) return;
    this.set({ active: { ptr, seq: ++this.focusSeq } });
  }

  /**
   * A click on the text of preview page `index` at (`x`, `y`) points: goes
   * to the field the text comes from (the core tells which), or to the
   * step of the section it is in.
   */
  async clickPage(revision: number, index: number, x: number, y: number): Promise<void> {
    let at;
    try {
      at = await this.host.previewFieldAt(revision, index, x, y);
    } catch {
      return; // a newer layout replaced this one
    }
    if (at.pointer) {
      this.focusField(at.pointer);
      return;
    }
    if (at.text && at.heading) {
      const step = STEPS.find((s) => s.headings.test(at.heading ?? ""));
      if (step) this.goto(step.id);
      this.say(`No field holds that text: it is the template's, under “${at.heading}”`);
    }
  }

  /** Sets the preview's width (kept within bounds and remembered). */
  setPreviewWidth(px: number, persist = true): void {
    const w = Math.round(Math.min(PREVIEW_MAX, Math.max(PREVIEW_MIN, px)));
    if (persist) remember("pactwright.previewWidth", String(w));
    this.set({ previewWidth: w });
  }

  /** Jumps to the step holding `ptr` and focuses its field. */
  focusField(ptr: string): void {
    this.set({ step: stepOf(ptr), cards: this.cardsOpenFor(ptr), focus: { ptr, seq: ++this.focusSeq } });
  }

  /** The id of the element to focus for `ptr`: its own input or the nearest ancestor's. */
  static targetId(ptr: string, exists: (id: string) => boolean): string | null {
    for (const p of ancestors(ptr)) {
      const id = fieldId(p);
      if (exists(id)) return id;
    }
    return null;
  }

  // ---- export ------------------------------------------------------------------------

  async exportAs(format: ExportFormat): Promise<void> {
    const draft = this.state.draft;
    if (!draft || this.state.exporting.busy) return;
    this.set({ step: "export", exporting: { busy: true, format, progress: null, result: null, error: null } });
    try {
      const result = await this.host.exportDocument(draft, format, (progress) =>
        this.set({ exporting: { ...this.state.exporting, progress } }),
      );
      this.set({ exporting: { busy: false, format, progress: null, result, error: null } });
    } catch (e) {
      this.set({ exporting: { busy: false, format, progress: null, result: null, error: asIpcError(e).message } });
      this.failedInside(e);
    }
  }

  openExported(): void {
    const r = this.state.exporting.result;
    if (r) void this.host.openExported(r.path).catch((e) => this.showError("Could not open the file", e));
  }

  revealExported(): void {
    const r = this.state.exporting.result;
    if (r) void this.host.revealExported(r.path).catch((e) => this.showError("Could not show the folder", e));
  }
}
