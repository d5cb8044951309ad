//! Every type that crosses IPC besides the draft itself. TypeScript
//! declarations are generated from these (tests/bindings.rs writes
//! ui/src/bindings/ipc.ts and fails when the committed file is stale).
//! The draft is `Agreement`, typed in TypeScript from the core's JSON Schema.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// What the UI needs at start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StartInfo {
    /// The draft named on the command line, opened.
    pub initial: Option<Opened>,
    /// Why the draft named on the command line could not be opened.
    pub initial_error: Option<String>,
    /// Unsaved edits left by a session that did not end cleanly.
    pub recovery: Option<Recovery>,
    /// Recently used files, newest first.
    pub recent: Vec<RecentFile>,
    /// The sample drafts that ship with Pactwright.
    pub samples: Vec<Sample>,
    /// True in the test build, where dialogs pick paths in a test folder.
    pub e2e: bool,
}

/// A draft that was opened.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Opened {
    /// The file, or `None` for a draft not yet saved (a sample, a new one).
    pub path: Option<String>,
    /// The file name shown in the title bar.
    pub name: String,
    /// The draft.
    #[ts(type = "Agreement")]
    pub draft: Value,
    /// Set when an older file was migrated on load.
    pub migrated_from: Option<u32>,
}

/// A draft that was saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Saved {
    /// Where.
    pub path: String,
    /// The file name.
    pub name: String,
}

/// A file in the recent list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RecentFile {
    /// The full path.
    pub path: String,
    /// The file name.
    pub name: String,
    /// The folder it is in.
    pub folder: String,
    /// False when it has been moved or deleted since.
    pub exists: bool,
    /// The agreement's title, when the file can be read and has one.
    pub title: Option<String>,
    /// The agreement's kind as the file gives it ("sla", "ola", "uc",
    /// "offering"), when it can be read.
    pub kind: Option<String>,
    /// Its document reference, when it states one (what an OLA or UC
    /// names as the agreement it supports).
    pub reference: Option<String>,
    /// When the file was last changed, in ms since 1970 (UTC).
    pub modified_ms: Option<f64>,
}

/// A sample draft.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Sample {
    /// Its id (the file stem), passed to `file_open_sample`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its kind, e.g. "Service level agreement".
    pub kind: String,
    /// Its kind's code, e.g. "sla".
    pub code: String,
    /// Its document reference, e.g. "SLA-ITSD-001" (empty when none).
    pub reference: String,
}

/// A recovery copy of unsaved edits.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Recovery {
    /// The file the edits belong to, if it had been saved.
    pub path: Option<String>,
    /// When the copy was written, in milliseconds since 1970.
    #[ts(type = "number")]
    pub saved_at_ms: u64,
    /// The draft with the unsaved edits.
    #[ts(type = "Agreement")]
    pub draft: Value,
}

/// A finding and its severity: the core's own types (feature `ipc`), so
/// what the checks say is what crosses IPC.
pub use pactwright::checks::{Finding, Severity};

/// The result of checking a draft.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckResult {
    /// Every finding, in document order: first the values that cannot be
    /// read (e.g. "99.9" with no %), then the checks on the rest.
    pub findings: Vec<Finding>,
    /// True when a field's value could not be read.
    pub invalid: bool,
    /// Where the draft stands on approval (the core's `approval` module).
    pub approval: ApprovalInfo,
}

/// Where a draft stands on approval, as the core says.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct ApprovalInfo {
    /// What to say before the first edit of an approved or signed draft:
    /// editing returns it to draft (`approval::edit_warning`).
    pub edit_warning: Option<String>,
    /// The approval on record, in words, while the status is approved or
    /// signed and the approval is of the text as it is.
    pub current: Option<String>,
    /// The stakeholder ids of who may approve it (the named approver, or
    /// else every sponsor).
    pub approvers: Vec<String>,
}

/// The public holidays offered for a draft's service hours.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HolidaysOffer {
    /// The country they are of (the time zone's, or the one chosen).
    pub country: Option<String>,
    /// Every country whose holidays Pactwright knows, to choose from.
    pub countries: Vec<String>,
    /// The term they cover, in words ("1 January 2026").
    pub from: String,
    /// The last day of the term, in words.
    pub to: String,
    /// How many public holidays fall in the term.
    pub found: u32,
    /// How many of those the service hours list already.
    pub already: u32,
    /// The ones not listed yet, as service-hours holidays.
    #[ts(type = "Holiday[]")]
    pub holidays: Vec<Value>,
    /// Why none can be offered (no time zone, or one of a country not
    /// known), in the core's words.
    pub note: Option<String>,
}

/// A draft after "Approve": the approval is in its change history.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApprovedDraft {
    /// The draft, approved.
    #[ts(type = "Agreement")]
    pub draft: Value,
    /// What happened, in words ("Approved by ... on ...").
    pub message: String,
    /// False when the text was approved already and nothing changed.
    pub changed: bool,
}

/// A downtime budget and its parts, and why there is none: the core's own
/// types (feature `ipc`), the numbers the PDF prints.
pub use pactwright::downtime::{BudgetNote, BudgetNoteKind, BudgetRow, TargetBudget};

/// The downtime budget of an availability target, or the note that says
/// why there is none: the core's own result (`downtime::draft_budget`), as
/// `{ Ok: TargetBudget } | { Err: BudgetNote }`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(transparent)]
pub struct DowntimeBudget(pub Result<TargetBudget, BudgetNote>);

/// Where a field's text is printed in the preview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewSpot {
    /// 0-based page index.
    pub page: u32,
    /// The printed phrase's box: x, y (top), width, height in points.
    pub rect: [f32; 4],
    /// The field (or the part holding it) whose text was found there.
    pub pointer: String,
}

/// What a click on a preview page points at.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldAt {
    /// The field whose text is printed there, when a field's is.
    pub pointer: Option<String>,
    /// The heading the click is under ("4.2 Availability").
    pub heading: Option<String>,
    /// The phrase clicked, as compared.
    pub text: Option<String>,
}

/// A heading in the laid-out pages.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutlineItem {
    /// Heading level 1-4.
    pub level: u8,
    /// Numbered title, e.g. "4.2 Availability".
    pub title: String,
    /// 0-based page index.
    pub page: u32,
}

/// A fresh layout of the draft, held by the shell; pages are fetched one by
/// one with `preview_page`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PreviewInfo {
    /// Increases with every layout; pass it back to `preview_page`.
    pub revision: u32,
    /// Number of pages.
    pub page_count: u32,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The headings, flattened in order, with their pages.
    pub outline: Vec<OutlineItem>,
    /// Time spent in Rust (template, layout), in milliseconds.
    pub millis: f64,
}

/// One preview page as a display list for a 2D canvas, and its parts: the
/// typeset crate's own types (feature `ipc`), so what the layout draws is
/// what crosses IPC.
pub use pactwright_typeset::paint::{
    GlyphOutline, PagePaint, PaintLine, PaintLink, PaintRect, PaintRun,
};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The signed-off document.
    Pdf,
    /// The Markdown source.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The service level targets as OpenSLO v1 YAML, for SLO tooling.
    Openslo,
}

/// Progress of an export, streamed to the UI.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportProgress {
    /// What is happening now.
    pub stage: String,
    /// 0.0 to 1.0.
    pub fraction: f32,
}

/// A finished export.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Exported {
    /// The file written.
    pub path: String,
    /// Its name.
    pub name: String,
    /// Pages (PDF only).
    pub pages: Option<u32>,
    /// Size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Layout warnings (missing glyphs and the like).
    pub warnings: Vec<String>,
}

/// An earlier saved version of the open file, kept by the app.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SavedVersion {
    /// Pass it back to `draft_compare`.
    pub id: String,
    /// When it was opened or saved (ms since 1970).
    #[ts(type = "number")]
    pub saved_at_ms: u64,
    /// Its document version ("2.0"; empty when not stated).
    pub version: String,
    /// Its status, as printed ("Approved").
    pub status: String,
    /// Its title.
    pub title: String,
}

/// What to compare the draft with.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CompareWith {
    /// A file the user picks.
    File,
    /// An earlier saved version of the open file.
    Version {
        /// Its id, from `compare_versions`.
        id: String,
    },
}

/// The draft compared with an earlier version, in the core's words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Comparison {
    /// What it was compared with ("version 2.0 of desk.agreement.json").
    pub against: String,
    /// "Changes from version 2.0 to version 3.0 of ...".
    pub heading: String,
    /// "12 changes in 4 sections: ...", or "No changes.".
    pub totals: String,
    /// The sections that changed, in document order.
    pub sections: Vec<ComparedSection>,
    /// A change-history entry prefilled from the comparison; `None` when
    /// nothing changed.
    pub entry: Option<ChangeEntryDraft>,
}

/// The changes of one section.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparedSection {
    /// The section's title as the document has it.
    pub name: String,
    /// Its changes (the first ones, when there are many).
    pub changes: Vec<ComparedChange>,
    /// How many more changes the section has than are listed.
    pub more: u32,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparedChange {
    /// "added", "removed" or "changed".
    pub op: String,
    /// The change in a line ("P1 resolution 8h → 4h").
    pub line: String,
    /// Where, in the draft (in the earlier one for what was removed).
    pub pointer: String,
    /// For free text: the words kept, inserted and deleted.
    pub words: Vec<ComparedWord>,
}

/// A stretch of a free-text change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparedWord {
    /// "kept", "inserted" or "deleted".
    pub op: String,
    /// The text.
    pub text: String,
}

/// A change-history entry prefilled from a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChangeEntryDraft {
    /// The version the entry is for: the draft's, or the next one after
    /// the earlier version's when the draft still has that number.
    pub version: String,
    /// Today, ISO.
    pub date: String,
    /// What changed, in a sentence.
    pub summary: String,
}

/// What the interview made: the new draft, or why not.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Interviewed {
    /// The new draft (not saved yet), when every answer could be used.
    pub opened: Option<Opened>,
    /// Each answer that cannot be used, and what would be.
    pub errors: Vec<pactwright::interview::AnswerError>,
}
