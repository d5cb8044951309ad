// The seam between the UI and the desktop shell. The app receives a Host;
// src/host/tauri.ts implements it over IPC, src/host/fake.ts in memory for
// tests. Nothing else knows Tauri exists.
import type { Agreement, DocumentControl } from "../bindings/agreement";

/** The kind of agreement. */
export type Kind = DocumentControl["kind"];
import type {
  Answers,
  Interviewed,
  ApprovedDraft,
  CompareWith,
  Comparison,
  ExportFormat,
  ExportProgress,
  Exported,
  FieldAt,
  HolidaysOffer,
  IpcError,
  Opened,
  PagePaint,
  PreviewSpot,
  Saved,
  SavedVersion,
  StartInfo,
  WorkEvent,
} from "../bindings/ipc";

export interface Host {
  start(): Promise<StartInfo>;
  setWindowState(title: string, dirty: boolean): Promise<void>;
  closeWindow(): Promise<void>;
  onCloseRequested(handler: () => void): Promise<() => void>;

  newDraft(kind: Kind): Promise<Opened>;
  openDialog(): Promise<Opened | null>;
  openRecent(path: string): Promise<Opened>;
  openSample(id: string): Promise<Opened>;
  /** A new draft filled from the interview's answers by the core, or the answers it cannot use. */
  newFromAnswers(answers: Answers): Promise<Interviewed>;
  /** Asks for a draft and opens a copy of it for another consumer and term; null if cancelled. */
  copyDialog(): Promise<Opened | null>;
  save(draft: Agreement, force: boolean): Promise<Saved | null>;
  saveAs(draft: Agreement): Promise<Saved | null>;
  writeRecovery(draft: Agreement): Promise<void>;
  discardRecovery(): Promise<void>;
  restoreRecovery(): Promise<Opened | null>;

  /**
   * Hands the draft after an edit to the shell, once per edit. The shell
   * checks it, lays it out, works out its downtime budgets and keeps a
   * recovery copy in the background, and pushes each result as a
   * WorkEvent for the edit it reflects (only the newest draft is worked
   * on). `edit` increases with every call, also across documents.
   */
  update(draft: Agreement, edit: number): Promise<void>;
  /** Receives every result of the background work. */
  onWork(handler: (event: WorkEvent) => void): Promise<() => void>;

  /**
   * Records the approval of the draft as it is, by the stakeholder `by`
   * (an id) on `date` (ISO; today when null), through the core. Nothing is
   * saved. Refusals are IpcErrors in the core's words.
   */
  approve(draft: Agreement, by: string, date: string | null): Promise<ApprovedDraft>;
  /**
   * The draft as edited, returned to draft by the core after the user
   * chose to edit an approved or signed draft (the status, and the
   * signatures of the old text taken off).
   */
  returnToDraft(draft: Agreement): Promise<Agreement>;
  /**
   * The public holidays of the service's country (of `country`, a name
   * from the offer's list, when given) for the agreement's term, less the
   * ones the service hours list already, worked out by the core.
   */
  publicHolidays(draft: Agreement, country: string | null): Promise<HolidaysOffer>;

  /** The earlier saved versions of the open file, newest first. */
  compareVersions(): Promise<SavedVersion[]>;
  /** The draft compared by the core with a picked file (null when cancelled) or a saved version. */
  compare(draft: Agreement, against: CompareWith): Promise<Comparison | null>;

  previewPage(revision: number, index: number): Promise<PagePaint>;
  /**
   * Where the field at `pointer` is printed in layout `revision` (on the
   * pages `fromPage` to `toPage` when it is there): null when nothing of
   * it is printed or the layout is no longer current.
   */
  previewLocate(revision: number, pointer: string, fromPage: number | null, toPage: number | null): Promise<PreviewSpot | null>;
  /** Which field the text at (`x`, `y`) points of a page comes from; refused for an older layout. */
  previewFieldAt(revision: number, index: number, x: number, y: number): Promise<FieldAt>;

  exportDocument(
    draft: Agreement,
    format: ExportFormat,
    onProgress: (p: ExportProgress) => void,
  ): Promise<Exported | null>;
  openExported(path: string): Promise<void>;
  revealExported(path: string): Promise<void>;
}

/** Errors from the shell have this shape; anything else is wrapped. */
export function asIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "message" in e && "kind" in e) {
    const o = e as Partial<IpcError>;
    return { group: o.group ?? "app", kind: String(o.kind), message: String(o.message) };
  }
  return { group: "app", kind: "unexpected", message: e instanceof Error ? e.message : String(e) };
}
