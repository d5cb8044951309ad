// The application state and every action on it. Talks to the shell only
// through the Host it is given, so tests run it against a fake host.
import type { Agreement } from "./bindings/agreement";
import type {
  BudgetNote,
  ExportFormat,
  ExportProgress,
  Exported,
  Finding,
  Opened,
  PreviewInfo,
  StartInfo,
  TargetBudget,
} from "./bindings/ipc";
import { asIpcError, type Host, type Kind } from "./host/types";
import { History } from "./model/history";
import { ancestors, fieldId, get, move, removeAt, set } from "./model/pointer";
import { stepOf, type StepId } from "./model/steps";
import { availabilityIndexes } from "./model/targets";

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
  /** Why the shell could not answer. */
  error: string | null;
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
  /** Set when the checks themselves failed: the draft is not checked. */
  checkError: string | null;
  /** One budget per availability target, in the order of the targets. */
  budgets: BudgetOfTarget[];
  preview: PreviewInfo | null;
  previewError: string | null;
  previewMs: number | null;
  modal: Modal | null;
  toast: string | null;
  exporting: ExportState;
  focus: { ptr: string; seq: number } | null;
}

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
  checkError: null,
  budgets: [],
  preview: null,
  previewError: null,
  previewMs: null,
  modal: null,
  toast: null,
  exporting: { busy: false, format: null, progress: null, result: null, error: null },
  focus: null,
};

export interface Timing {
  checkDelay: number;
  previewDelay: number;
  recoveryEvery: number;
}

/**
 * The preview starts as soon as an edit lands (a layout already running
 * makes the next one wait and take the latest draft, so typing never
 * queues layouts); the checks wait for a pause in typing.
 */
export const DEFAULT_TIMING: Timing = { checkDelay: 150, previewDelay: 0, recoveryEvery: 2000 };

/** Where the inputs of the downtime budgets live. */
const BUDGET_INPUTS = ["/warranty", "/document", "/service_hours", "/service_levels"];

export class Store {
  state: State = initial;
  /** Increases with every change of state. */
  version = 0;
  private listeners = new Set<() => void>();
  private history: History<Agreement | null> = new History<Agreement | null>(null);
  private savedId = 0;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private recoveryTimer: ReturnType<typeof setInterval> | undefined;
  private recoveredId = -1;
  private previewBusy = false;
  private previewAgain = false;
  private checkSeq = 0;
  private budgetSeq = 0;
  private focusSeq = 0;
  /** When the edit that the current preview request reflects was made. */
  private editAt = 0;
  /** Edit time per preview revision, for the latency measurement. */
  readonly editTimes = new Map<number, number>();
  /** Wall-clock time (ms since 1970) the first preview page was shown. */
  firstPageAt = 0;
  /** Measured edit-to-page-shown latencies, in ms. */
  readonly latencies: number[] = [];

  constructor(
    readonly host: Host,
    readonly timing: Timing = DEFAULT_TIMING,
  ) {}

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
    this.recoveryTimer = setInterval(() => void this.writeRecovery(), this.timing.recoveryEvery);
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
    clearInterval(this.recoveryTimer);
    clearTimeout(this.checkTimer);
    clearTimeout(this.previewTimer);
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
    this.recoveredId = entry.id;
    this.set({
      screen: "editor",
      draft: o.draft,
      path: o.path,
      name: o.name,
      dirty,
      canUndo: false,
      canRedo: false,
      step: "basics",
      findings: [],
      invalid: false,
      budgets: [],
      preview: null,
      previewError: null,
      modal: null,
      exporting: { ...initial.exporting },
      toast: o.migrated_from ? `Migrated from file format version ${o.migrated_from}; saving writes the current version.` : null,
    });
    this.scheduleAll(0);
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
    this.recoveredId = id;
    this.set({
      path,
      name,
      dirty: this.history.current.id !== id,
      toast: `Saved ${name}`,
    });
  }

  private async writeRecovery() {
    const { draft, dirty } = this.state;
    if (!draft || !dirty) return;
    const id = this.history.current.id;
    if (id === this.recoveredId) return;
    this.recoveredId = id;
    await this.host.writeRecovery(draft).catch(() => {
      this.recoveredId = -1;
    });
  }

  // ---- editing -----------------------------------------------------------------

  value(ptr: string): unknown {
    return get(this.state.draft, ptr);
  }

  edit(ptr: string, value: unknown, mergeKey: string | null = ptr): void {
    if (!this.state.draft) return;
    const next = set(this.state.draft, ptr, value);
    this.apply(this.history.push(next, mergeKey).value, ptr);
  }

  append(ptr: string, item: unknown): void {
    const list = (this.value(ptr) as unknown[] | undefined) ?? [];
    this.edit(ptr, [...list, item], null);
  }

  remove(ptr: string, index: number): void {
    if (!this.state.draft) return;
    this.apply(this.history.push(removeAt(this.state.draft, ptr, index), null).value, ptr);
  }

  move(ptr: string, from: number, to: number): void {
    if (!this.state.draft) return;
    this.apply(this.history.push(move(this.state.draft, ptr, from, to), null).value, ptr);
  }

  undo(): void {
    const e = this.history.undo();
    if (e) this.apply(e.value, null);
  }

  redo(): void {
    const e = this.history.redo();
    if (e) this.apply(e.value, null);
  }

  private apply(draft: Agreement | null, ptr: string | null) {
    this.set({
      draft,
      dirty: this.history.current.id !== this.savedId,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    });
    this.editAt = performance.now();
    this.scheduleAll(undefined, ptr);
  }

  // ---- derived: findings, budget, preview ------------------------------------

  private scheduleAll(delay?: number, ptr: string | null = null) {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => void this.runCheck(), delay ?? this.timing.checkDelay);
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.runPreview(), delay ?? this.timing.previewDelay);
    if (ptr === null || BUDGET_INPUTS.some((p) => ptr === p || ptr.startsWith(p + "/"))) void this.runBudget();
  }

  private async runCheck() {
    const draft = this.state.draft;
    if (!draft) return;
    const seq = ++this.checkSeq;
    try {
      const r = await this.host.check(draft);
      if (seq === this.checkSeq) this.set({ findings: r.findings, invalid: r.invalid, checkError: null });
    } catch (e) {
      // Never shown as "no findings": the draft was not checked.
      if (seq === this.checkSeq) this.set({ checkError: asIpcError(e).message });
    }
  }

  /** Asks the shell for the budget of every availability target. */
  private async runBudget() {
    const draft = this.state.draft;
    if (!draft) return;
    const seq = ++this.budgetSeq;
    const budgets = await Promise.all(
      availabilityIndexes(draft).map(async (index): Promise<BudgetOfTarget> => {
        try {
          const r = await this.host.downtime(draft, index);
          return "Ok" in r
            ? { index, budget: r.Ok, note: null, error: null }
            : { index, budget: null, note: r.Err, error: null };
        } catch (e) {
          return { index, budget: null, note: null, error: asIpcError(e).message };
        }
      }),
    );
    if (seq === this.budgetSeq) this.set({ budgets });
  }

  /** The budget of the availability target at `index`, once computed. */
  budgetOf(index: number): BudgetOfTarget | undefined {
    return this.state.budgets.find((b) => b.index === index);
  }

  private async runPreview() {
    if (this.previewBusy) {
      this.previewAgain = true;
      return;
    }
    const draft = this.state.draft;
    if (!draft) return;
    this.previewBusy = true;
    const editAt = this.editAt;
    try {
      const info = await this.host.previewRender(draft);
      this.editTimes.set(info.revision, editAt);
      if (this.state.draft) this.set({ preview: info, previewError: null });
    } catch (e) {
      this.set({ previewError: asIpcError(e).message });
      this.failedInside(e);
    } finally {
      this.previewBusy = false;
      if (this.previewAgain) {
        this.previewAgain = false;
        void this.runPreview();
      }
    }
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

  /** Jumps to the step holding `ptr` and focuses its field. */
  focusField(ptr: string): void {
    this.set({ step: stepOf(ptr), focus: { ptr, seq: ++this.focusSeq } });
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
