// DO NOT EDIT. Generated from the Rust types in src-tauri/src/dto.rs and
// src-tauri/src/ipc.rs (and the core's and the typeset crate's types they
// name) by src-tauri/tests/bindings.rs (ts-rs).
// Regenerate: UPDATE_BINDINGS=1 cargo test -p pactwright-app --test bindings

import type { Agreement, Holiday } from "./agreement";

export type StartInfo = { 
/**
 * The draft named on the command line, opened.
 */
initial: Opened | null, 
/**
 * Why the draft named on the command line could not be opened.
 */
initial_error: string | null, 
/**
 * Unsaved edits left by a session that did not end cleanly.
 */
recovery: Recovery | null, 
/**
 * Recently used files, newest first.
 */
recent: Array<RecentFile>, 
/**
 * The sample drafts that ship with Pactwright.
 */
samples: Array<Sample>, 
/**
 * True in the test build, where dialogs pick paths in a test folder.
 */
e2e: boolean, };

export type Opened = { 
/**
 * The file, or `None` for a draft not yet saved (a sample, a new one).
 */
path: string | null, 
/**
 * The file name shown in the title bar.
 */
name: string, 
/**
 * The draft.
 */
draft: Agreement, 
/**
 * Set when an older file was migrated on load.
 */
migrated_from: number | null, };

export type Saved = { 
/**
 * Where.
 */
path: string, 
/**
 * The file name.
 */
name: string, };

export type RecentFile = { 
/**
 * The full path.
 */
path: string, 
/**
 * The file name.
 */
name: string, 
/**
 * The folder it is in.
 */
folder: string, 
/**
 * False when it has been moved or deleted since.
 */
exists: boolean, 
/**
 * The agreement's title, when the file can be read and has one.
 */
title: string | null, 
/**
 * The agreement's kind as the file gives it ("sla", "ola", "uc",
 * "offering"), when it can be read.
 */
kind: string | null, 
/**
 * Its document reference, when it states one (what an OLA or UC
 * names as the agreement it supports).
 */
reference: string | null, 
/**
 * When the file was last changed, in ms since 1970 (UTC).
 */
modified_ms: number | null, };

export type Sample = { 
/**
 * Its id (the file stem), passed to `file_open_sample`.
 */
id: string, 
/**
 * Its title.
 */
title: string, 
/**
 * Its kind, e.g. "Service level agreement".
 */
kind: string, 
/**
 * Its kind's code, e.g. "sla".
 */
code: string, 
/**
 * Its document reference, e.g. "SLA-ITSD-001" (empty when none).
 */
reference: string, };

export type Recovery = { 
/**
 * The file the edits belong to, if it had been saved.
 */
path: string | null, 
/**
 * When the copy was written, in milliseconds since 1970.
 */
saved_at_ms: number, 
/**
 * The draft with the unsaved edits.
 */
draft: Agreement, };

export type Severity = "error" | "warning" | "info";

export type Finding = { 
/**
 * Error, warning or info.
 */
severity: Severity, 
/**
 * A stable code, e.g. `resolution-before-response`.
 */
code: string, 
/**
 * JSON pointer to the field, e.g. `/support/priorities/0/resolution`.
 */
pointer: string, 
/**
 * The field in words, as the app's steps show it, e.g. "Priority 1,
 * resolution" ([`field_name`] of the pointer).
 */
field: string, 
/**
 * What is wrong.
 */
message: string, 
/**
 * How to fix it.
 */
hint: string, };

export type CheckResult = { 
/**
 * Every finding, in document order: first the values that cannot be
 * read (e.g. "99.9" with no %), then the checks on the rest.
 */
findings: Array<Finding>, 
/**
 * True when a field's value could not be read.
 */
invalid: boolean, 
/**
 * Where the draft stands on approval (the core's `approval` module).
 */
approval: ApprovalInfo, };

export type ApprovalInfo = { 
/**
 * What to say before the first edit of an approved or signed draft:
 * editing returns it to draft (`approval::edit_warning`).
 */
edit_warning: string | null, 
/**
 * The approval on record, in words, while the status is approved or
 * signed and the approval is of the text as it is.
 */
current: string | null, 
/**
 * The stakeholder ids of who may approve it (the named approver, or
 * else every sponsor).
 */
approvers: Array<string>, };

export type ApprovedDraft = { 
/**
 * The draft, approved.
 */
draft: Agreement, 
/**
 * What happened, in words ("Approved by ... on ...").
 */
message: string, 
/**
 * False when the text was approved already and nothing changed.
 */
changed: boolean, };

export type HolidaysOffer = { 
/**
 * The country they are of (the time zone's, or the one chosen).
 */
country: string | null, 
/**
 * Every country whose holidays Pactwright knows, to choose from.
 */
countries: Array<string>, 
/**
 * The term they cover, in words ("1 January 2026").
 */
from: string, 
/**
 * The last day of the term, in words.
 */
to: string, 
/**
 * How many public holidays fall in the term.
 */
found: number, 
/**
 * How many of those the service hours list already.
 */
already: number, 
/**
 * The ones not listed yet, as service-hours holidays.
 */
holidays: Holiday[], 
/**
 * Why none can be offered (no time zone, or one of a country not
 * known), in the core's words.
 */
note: string | null, };

export type BudgetRow = { 
/**
 * The period, e.g. "30.4375-day month" or "February 2026".
 */
period: string, 
/**
 * Allowed downtime, e.g. "43m 12s".
 */
allowed: string, 
/**
 * The same in milliseconds.
 */
allowed_ms: number, 
/**
 * The same in words, e.g. "43 minutes 12 seconds".
 */
words: string, 
/**
 * Service hours in the period after exclusions, e.g. "720" or "217.4".
 */
service_hours: string, };

export type TargetBudget = { 
/**
 * One row per period (twelve for calendar months, four for calendar
 * quarters, else one).
 */
rows: Array<BudgetRow>, 
/**
 * The period allowing least downtime (the first of equals).
 */
least: BudgetRow, 
/**
 * The period allowing most (the last of equals).
 */
most: BudgetRow, 
/**
 * Maintenance excluded from the calculation, per average month
 * ("4h"); empty when there is none.
 */
excluded_maintenance: string, };

export type BudgetNoteKind = "no_target" | "unreadable" | "incomplete" | "unusable";

export type BudgetNote = { 
/**
 * What is missing.
 */
kind: BudgetNoteKind, 
/**
 * What to do about it, in a sentence for the user.
 */
message: string, };

export type DowntimeBudget = { Ok : TargetBudget } | { Err : BudgetNote };

export type OutlineItem = { 
/**
 * Heading level 1-4.
 */
level: number, 
/**
 * Numbered title, e.g. "4.2 Availability".
 */
title: string, 
/**
 * 0-based page index.
 */
page: number, };

export type PreviewInfo = { 
/**
 * Increases with every layout; pass it back to `preview_page`.
 */
revision: number, 
/**
 * Number of pages.
 */
page_count: number, 
/**
 * Page width in points.
 */
width: number, 
/**
 * Page height in points.
 */
height: number, 
/**
 * The headings, flattened in order, with their pages.
 */
outline: Array<OutlineItem>, 
/**
 * Time spent in Rust (template, layout), in milliseconds.
 */
millis: number, };

export type Interviewed = { 
/**
 * The new draft (not saved yet), when every answer could be used.
 */
opened: Opened | null, 
/**
 * Each answer that cannot be used, and what would be.
 */
errors: Array<AnswerError>, };

export type AnswerError = { 
/**
 * The answer's name, as in [`Answers`].
 */
field: string, 
/**
 * What is wrong, with an example of what is understood.
 */
message: string, };

export type Answers = { 
/**
 * The kind of agreement.
 */
kind: "sla" | "ola" | "uc" | "offering", 
/**
 * The service's name, e.g. "Payroll".
 */
service: string, 
/**
 * What it does for the consumer, in a sentence (may be empty).
 */
description: string, 
/**
 * The organization or team that provides it.
 */
provider: string, 
/**
 * The organization or team that consumes it.
 */
consumer: string, 
/**
 * The service owner's name (on the provider's side; owns and signs).
 */
owner: string, 
/**
 * The sponsor's name (on the consumer's side; approves and signs).
 */
sponsor: string, 
/**
 * The service hours, e.g. "Mon-Fri 08:00-18:00" or "24/7".
 */
hours: string, 
/**
 * The time zone of the hours (IANA), e.g. "Europe/London".
 */
time_zone: string, 
/**
 * The availability promised, e.g. "99.9%".
 */
availability: string, 
/**
 * How soon a P1 incident is responded to, e.g. "15 min".
 */
p1_response: string, 
/**
 * How soon a P1 incident is resolved, e.g. "4h".
 */
p1_resolution: string, 
/**
 * The day it takes effect, ISO.
 */
effective_date: string, };

export type SavedVersion = { 
/**
 * Pass it back to `draft_compare`.
 */
id: string, 
/**
 * When it was opened or saved (ms since 1970).
 */
saved_at_ms: number, 
/**
 * Its document version ("2.0"; empty when not stated).
 */
version: string, 
/**
 * Its status, as printed ("Approved").
 */
status: string, 
/**
 * Its title.
 */
title: string, };

export type CompareWith = { "kind": "file" } | { "kind": "version", 
/**
 * Its id, from `compare_versions`.
 */
id: string, };

export type Comparison = { 
/**
 * What it was compared with ("version 2.0 of desk.agreement.json").
 */
against: string, 
/**
 * "Changes from version 2.0 to version 3.0 of ...".
 */
heading: string, 
/**
 * "12 changes in 4 sections: ...", or "No changes.".
 */
totals: string, 
/**
 * The sections that changed, in document order.
 */
sections: Array<ComparedSection>, 
/**
 * A change-history entry prefilled from the comparison; `None` when
 * nothing changed.
 */
entry: ChangeEntryDraft | null, };

export type ComparedSection = { 
/**
 * The section's title as the document has it.
 */
name: string, 
/**
 * Its changes (the first ones, when there are many).
 */
changes: Array<ComparedChange>, 
/**
 * How many more changes the section has than are listed.
 */
more: number, };

export type ComparedChange = { 
/**
 * "added", "removed" or "changed".
 */
op: string, 
/**
 * The change in a line ("P1 resolution 8h → 4h").
 */
line: string, 
/**
 * Where, in the draft (in the earlier one for what was removed).
 */
pointer: string, 
/**
 * For free text: the words kept, inserted and deleted.
 */
words: Array<ComparedWord>, };

export type ComparedWord = { 
/**
 * "kept", "inserted" or "deleted".
 */
op: string, 
/**
 * The text.
 */
text: string, };

export type ChangeEntryDraft = { 
/**
 * The version the entry is for: the draft's, or the next one after
 * the earlier version's when the draft still has that number.
 */
version: string, 
/**
 * Today, ISO.
 */
date: string, 
/**
 * What changed, in a sentence.
 */
summary: string, };

export type PreviewSpot = { 
/**
 * 0-based page index.
 */
page: number, 
/**
 * The printed phrase's box: x, y (top), width, height in points.
 */
rect: [number, number, number, number], 
/**
 * The field (or the part holding it) whose text was found there.
 */
pointer: string, };

export type FieldAt = { 
/**
 * The field whose text is printed there, when a field's is.
 */
pointer: string | null, 
/**
 * The heading the click is under ("4.2 Availability").
 */
heading: string | null, 
/**
 * The phrase clicked, as compared.
 */
text: string | null, };

export type PagePaint = { 
/**
 * Page width.
 */
width: number, 
/**
 * Page height.
 */
height: number, 
/**
 * The faces the page uses, as stable names (`PostScriptName#index`);
 * runs and outlines refer to them by position.
 */
fonts: Array<string>, 
/**
 * The outline of every glyph the page draws.
 */
outlines: Array<GlyphOutline>, 
/**
 * Text runs, in paint order.
 */
runs: Array<PaintRun>, 
/**
 * Straight lines.
 */
lines: Array<PaintLine>, 
/**
 * Filled rectangles (drawn before lines and text).
 */
rects: Array<PaintRect>, 
/**
 * Clickable areas.
 */
links: Array<PaintLink>, };

export type GlyphOutline = { 
/**
 * Index into [`PagePaint::fonts`].
 */
font: number, 
/**
 * Glyph id in that face.
 */
glyph: number, 
/**
 * SVG path data in font units, y pointing down.
 */
path: string, };

export type PaintRun = { 
/**
 * Pen start x.
 */
x: number, 
/**
 * Baseline y.
 */
y: number, 
/**
 * Counter-clockwise rotation in degrees around (x, y).
 */
angle: number, 
/**
 * Points per font unit (size / units per em).
 */
scale: number, 
/**
 * Fill colour, `#rrggbb`.
 */
color: string, 
/**
 * Index into [`PagePaint::fonts`].
 */
font: number, 
/**
 * Glyph ids, in visual order (glyphs without an outline are left out).
 */
glyphs: Array<number>, 
/**
 * Each glyph's x from the run start, in font units.
 */
xs: Array<number>, 
/**
 * Each glyph's y offset (down) in font units; empty when all are 0.
 */
ys: Array<number>, };

export type PaintLine = { 
/**
 * Start point.
 */
from: [number, number], 
/**
 * End point.
 */
to: [number, number], 
/**
 * Stroke width.
 */
width: number, 
/**
 * Stroke colour, `#rrggbb`.
 */
color: string, };

export type PaintRect = { 
/**
 * x, y (top), width, height.
 */
rect: [number, number, number, number], 
/**
 * Fill colour, `#rrggbb`.
 */
color: string, };

export type PaintLink = { 
/**
 * x, y (top), width, height.
 */
rect: [number, number, number, number], 
/**
 * Target page (from 0) of an internal link.
 */
page: number | null, 
/**
 * Target y on that page.
 */
y: number | null, 
/**
 * Target of an external link.
 */
url: string | null, };

export type ExportFormat = "pdf" | "markdown" | "html" | "openslo";

export type ExportProgress = { 
/**
 * What is happening now.
 */
stage: string, 
/**
 * 0.0 to 1.0.
 */
fraction: number, };

export type Exported = { 
/**
 * The file written.
 */
path: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Pages (PDF only).
 */
pages: number | null, 
/**
 * Size in bytes.
 */
bytes: number, 
/**
 * Layout warnings (missing glyphs and the like).
 */
warnings: Array<string>, };

export type IpcError = { 
/**
 * The command group: "files", "checks", "preview" or "export".
 */
group: string, 
/**
 * A stable code within the group, e.g. "changed_on_disk".
 */
kind: string, 
/**
 * What happened, in words for the user (the core's message when the
 * core refused).
 */
message: string, };

export type TargetBudgetOf = { 
/**
 * The target's index in the draft's `service_levels`.
 */
index: number, 
/**
 * The budget, or why there is none.
 */
budget: DowntimeBudget, };

export type WorkEvent = { "kind": "checked", 
/**
 * The edit checked.
 */
edit: number, 
/**
 * The findings.
 */
result: CheckResult, } | { "kind": "check_failed", 
/**
 * The edit.
 */
edit: number, 
/**
 * Why, for the user.
 */
error: IpcError, } | { "kind": "laid", 
/**
 * The edit laid out.
 */
edit: number, 
/**
 * The pages.
 */
info: PreviewInfo, } | { "kind": "preview_failed", 
/**
 * The edit.
 */
edit: number, 
/**
 * Why, for the user.
 */
error: IpcError, } | { "kind": "budgets", 
/**
 * The edit.
 */
edit: number, 
/**
 * One per availability target, in the order of the targets.
 */
budgets: Array<TargetBudgetOf>, } | { "kind": "changed_on_disk", 
/**
 * The file.
 */
path: string, 
/**
 * Its name.
 */
name: string, 
/**
 * True when it is gone.
 */
removed: boolean, };
