// An in-memory Host for tests: records calls, answers like the shell.
import type { Agreement } from "../bindings/agreement";
import type { Answers, Interviewed, ApprovalInfo, ApprovedDraft, CheckResult, CompareWith, Comparison, SavedVersion, DowntimeBudget, ExportFormat, FieldAt, Finding, HolidaysOffer, Opened, PagePaint, PreviewInfo, PreviewSpot, StartInfo, WorkEvent } from "../bindings/ipc";
import type { Host, Kind } from "./types";

export class FakeHost implements Host {
  calls: { cmd: string; args: unknown[] }[] = [];
  files = new Map<string, Agreement>();
  current: string | null = null;
  changedOnDisk = false;
  recovery: Agreement | null = null;
  findings: Finding[] = [];
  title = "";
  closed = false;
  closeHandler: (() => void) | null = null;
  startInfo: Partial<StartInfo> = {};
  pickOpen: string | null = null;
  pickSave: string | null = "/tmp/new.agreement.json";

  private log(cmd: string, ...args: unknown[]) {
    this.calls.push({ cmd, args });
  }
  count(cmd: string): number {
    return this.calls.filter((c) => c.cmd === cmd).length;
  }

  async start(): Promise<StartInfo> {
    this.log("start");
    return {
      initial: null,
      initial_error: null,
      recovery: this.recovery ? { path: null, saved_at_ms: 0, draft: this.recovery } : null,
      recent: [],
      samples: [],
      e2e: false,
      ...this.startInfo,
    };
  }
  async setWindowState(title: string, _dirty: boolean) {
    this.title = title;
  }
  async closeWindow() {
    this.log("closeWindow");
    this.closed = true;
  }
  async onCloseRequested(handler: () => void) {
    this.closeHandler = handler;
    return () => {};
  }
  async newDraft(kind: Kind): Promise<Opened> {
    this.log("newDraft", kind);
    this.current = null;
    return { path: null, name: "Untitled", migrated_from: null, draft: blank(kind) };
  }
  private opened(path: string): Opened {
    const draft = this.files.get(path);
    if (!draft) throw { group: "files", kind: "load", message: `${path}: cannot read the file` };
    this.current = path;
    return { path, name: path.split("/").pop() ?? path, draft, migrated_from: null };
  }
  async openDialog() {
    this.log("openDialog");
    return this.pickOpen ? this.opened(this.pickOpen) : null;
  }
  async openRecent(path: string) {
    this.log("openRecent", path);
    return this.opened(path);
  }
  /** The interview, simplified: a service name is needed; the draft holds the answers. */
  async newFromAnswers(answers: Answers): Promise<Interviewed> {
    this.log("newFromAnswers", answers);
    if (!answers.service.trim()) {
      return { opened: null, errors: [{ field: "service", message: "the service's name is needed to start the agreement" }] };
    }
    const draft = blank(answers.kind);
    draft.document.title = `${answers.service} Service Level Agreement`;
    return { opened: { path: null, name: "Untitled", migrated_from: null, draft }, errors: [] };
  }
  /** Copies the file pickOpen names, as the core would (simplified: a draft again, no signatures). */
  async copyDialog(): Promise<Opened | null> {
    this.log("copyDialog");
    if (!this.pickOpen) return null;
    const o = this.opened(this.pickOpen);
    this.current = null;
    return { ...o, path: null, name: "Untitled", draft: { ...o.draft, document: { ...o.draft.document, status: "draft" }, signatures: [] } };
  }
  async openSample(id: string) {
    this.log("openSample", id);
    return { ...this.opened(id), path: null };
  }
  async save(draft: Agreement, force: boolean) {
    this.log("save", draft, force);
    if (!this.current) return this.saveAs(draft);
    if (this.changedOnDisk && !force) {
      throw { group: "files", kind: "changed_on_disk", message: "x.agreement.json was changed by another program" };
    }
    this.changedOnDisk = false;
    this.files.set(this.current, draft);
    return { path: this.current, name: this.current.split("/").pop() ?? "" };
  }
  async saveAs(draft: Agreement) {
    this.log("saveAs", draft);
    if (!this.pickSave) return null;
    this.current = this.pickSave;
    this.files.set(this.pickSave, draft);
    return { path: this.pickSave, name: this.pickSave.split("/").pop() ?? "" };
  }
  async writeRecovery(draft: Agreement) {
    this.log("writeRecovery", draft);
    this.recovery = draft;
  }
  async discardRecovery() {
    this.log("discardRecovery");
    this.recovery = null;
  }
  async restoreRecovery(): Promise<Opened | null> {
    this.log("restoreRecovery");
    return this.recovery ? { path: null, name: "Untitled", draft: this.recovery, migrated_from: null } : null;
  }
  private workHandler: ((e: WorkEvent) => void) | null = null;
  async onWork(handler: (e: WorkEvent) => void) {
    this.workHandler = handler;
    return () => {
      this.workHandler = null;
    };
  }
  /** Pushes an event as the shell's background work would. */
  push(e: WorkEvent) {
    this.workHandler?.(e);
  }
  /**
   * Like the shell: each edit is checked, laid out and budgeted in the
   * background (here: after the current task), and the results pushed.
   */
  async update(draft: Agreement, edit: number) {
    this.log("update", draft, edit);
    setTimeout(() => {
      try {
        this.push({ kind: "checked", edit, result: this.check(draft) });
      } catch (error) {
        this.push({ kind: "check_failed", edit, error: error as WorkError });
      }
      try {
        this.push({ kind: "laid", edit, info: this.previewRender(draft) });
      } catch (error) {
        this.push({ kind: "preview_failed", edit, error: error as WorkError });
      }
      const levels = draft.service_levels ?? [];
      const budgets = levels.flatMap((t, index) =>
        (t.metric ?? "availability") === "availability" ? [{ index, budget: this.downtime(draft, index) }] : [],
      );
      this.push({ kind: "budgets", edit, budgets });
    }, 0);
  }
  /** When set, the checks fail with this IPC error (as a panic would). */
  checkFailure: WorkError | null = null;
  check(draft: Agreement): CheckResult {
    this.log("check", draft);
    if (this.checkFailure) throw this.checkFailure;
    const findings = [...this.findings];
    if (!draft.document.title) {
      findings.unshift({ severity: "error", code: "required-field", pointer: "/document/title", field: "Title", message: "the agreement has no title", hint: "Give it a title." });
    }
    return { findings, invalid: false, approval: this.approvalOf(draft) };
  }
  /**
   * Where a draft stands on approval, as the core would say it, simplified:
   * approved means current; the named approver may approve.
   */
  approvalOf(draft: Agreement): ApprovalInfo {
    const status = draft.document.status;
    const claims = status === "approved" || status === "signed";
    return {
      edit_warning: claims ? `This agreement is ${status}. Editing it returns it to draft, and it must be approved again.` : null,
      current: claims ? `Approved version ${draft.document.version ?? ""}` : null,
      approvers: draft.document.approver ? [draft.document.approver] : [],
    };
  }
  async returnToDraft(draft: Agreement): Promise<Agreement> {
    this.log("returnToDraft", draft);
    return { ...draft, document: { ...draft.document, status: "draft" }, signatures: [] };
  }
  /**
   * Public holidays as the core would offer them, simplified: two known
   * countries with two holidays each in 2027; a draft without a time
   * zone (and no country chosen) gets a note instead.
   */
  async publicHolidays(draft: Agreement, country: string | null): Promise<HolidaysOffer> {
    this.log("publicHolidays", draft, country);
    const known: Record<string, { date: string; name: string }[]> = {
      "United Kingdom": [
        { date: "2027-01-01", name: "New Year's Day" },
        { date: "2027-12-27", name: "Christmas Day (substitute day)" },
      ],
      Germany: [
        { date: "2027-01-01", name: "Neujahr" },
        { date: "2027-10-03", name: "Tag der Deutschen Einheit" },
      ],
    };
    const zone = draft.service_hours?.time_zone;
    const chosen = country ?? (zone === "Europe/London" ? "United Kingdom" : zone === "Europe/Berlin" ? "Germany" : null);
    const countries = Object.keys(known);
    if (!chosen) {
      return { country: null, countries, from: "", to: "", found: 0, already: 0, holidays: [], note: "The service hours have no time zone to tell the country by: choose the country." };
    }
    const listed = new Set((draft.service_hours?.holidays ?? []).map((h) => h.date));
    const all = known[chosen] ?? [];
    const fresh = all.filter((h) => !listed.has(h.date));
    return { country: chosen, countries, from: "1 January 2027", to: "31 December 2027", found: all.length, already: all.length - fresh.length, holidays: fresh, note: null };
  }
  async approve(draft: Agreement, by: string, date: string | null): Promise<ApprovedDraft> {
    this.log("approve", draft, by, date);
    if (!this.approvalOf(draft).approvers.includes(by)) {
      throw { group: "checks", kind: "refused", message: `Not approved: ${by} cannot approve this agreement.` };
    }
    const version = draft.document.version ?? "";
    const entry = { version, date: date ?? "2026-12-03", author: by, summary: "Approved", approval: { by, fingerprint: "sha256:0123456789ab" } };
    const approved = {
      ...draft,
      document: { ...draft.document, status: "approved" as const, change_history: [...(draft.document.change_history ?? []), entry] },
    };
    return { draft: approved, message: `${by} approved version ${version}.`, changed: true };
  }
  downtime(draft: Agreement, index: number): DowntimeBudget {
    this.log("downtime", draft, index);
    const t = draft.service_levels?.[index]?.target;
    const allowed_ms = t === "99.9%" ? 2_592_000 : t === "99%" ? 25_920_000 : 0;
    if (!allowed_ms) {
      return { Err: { kind: "incomplete", message: "Give the target a percentage to see the downtime it allows." } };
    }
    const allowed = allowed_ms === 2_592_000 ? "43m 12s" : "7h 12m";
    const row = { period: "30-day month", allowed, allowed_ms, words: allowed, service_hours: "720" };
    return { Ok: { rows: [row], least: row, most: row, excluded_maintenance: "" } };
  }
  revision = 0;
  /** When set, the preview fails with this IPC error (as a panic would). */
  previewFailure: WorkError | null = null;
  previewRender(draft: Agreement): PreviewInfo {
    this.log("previewRender", draft);
    if (this.previewFailure) throw this.previewFailure;
    this.revision += 1;
    return {
      revision: this.revision,
      page_count: 3,
      width: 595,
      height: 842,
      millis: 5,
      outline: [
        { level: 1, title: "1 Document control", page: 0 },
        { level: 1, title: "5 Warranty", page: 2 },
      ],
    };
  }
  async previewPage(revision: number, index: number): Promise<PagePaint> {
    this.log("previewPage", revision, index);
    // A rule, and a link to the next page.
    return {
      width: 595,
      height: 842,
      fonts: ["Fake#0"],
      outlines: [{ font: 0, glyph: 1, path: "M0 0L500 0L500 -700Z" }],
      runs: [{ x: 70, y: 100, angle: 0, scale: 0.01, color: "#000000", font: 0, glyphs: [1, 1], xs: [0, 600], ys: [] }],
      lines: [{ from: [70, 110], to: [525, 110], width: 0.5, color: "#cccccc" }],
      rects: [],
      links: [{ rect: [70, 90, 100, 20], page: index + 1, y: 0, url: null }],
    };
  }
  /** The saved versions compareVersions lists, and what compare answers. */
  versions: SavedVersion[] = [];
  comparison: Comparison | null = null;
  async compareVersions(): Promise<SavedVersion[]> {
    this.log("compareVersions");
    return this.versions;
  }
  async compare(draft: Agreement, against: CompareWith): Promise<Comparison | null> {
    this.log("compare", draft, against);
    return this.comparison;
  }
  /** What previewLocate answers (per pointer); unknown pointers are not printed. */
  spots = new Map<string, PreviewSpot>();
  async previewLocate(revision: number, pointer: string, fromPage: number | null, toPage: number | null): Promise<PreviewSpot | null> {
    this.log("previewLocate", revision, pointer, fromPage, toPage);
    return this.spots.get(pointer) ?? null;
  }
  /** What previewFieldAt answers. */
  fieldAt: FieldAt = { pointer: null, heading: null, text: null };
  async previewFieldAt(revision: number, index: number, x: number, y: number): Promise<FieldAt> {
    this.log("previewFieldAt", revision, index, x, y);
    return this.fieldAt;
  }
  async exportDocument(_draft: Agreement, format: ExportFormat, onProgress: (p: { stage: string; fraction: number }) => void) {
    this.log("exportDocument", format);
    onProgress({ stage: "Laying out the pages", fraction: 0.2 });
    onProgress({ stage: "Done", fraction: 1 });
    return { path: `/tmp/out.${format}`, name: `out.${format}`, pages: 3, bytes: 2048, warnings: [] };
  }
  async openExported(path: string) {
    this.log("openExported", path);
  }
  async revealExported(path: string) {
    this.log("revealExported", path);
  }
}

export function blank(kind: Kind = "sla"): Agreement {
  return { schema_version: 2, document: { kind, title: `New ${kind}` } } as Agreement;
}

type WorkError = { group: string; kind: string; message: string };
