//! The TypeScript declarations of every type crossing IPC, generated from
//! the Rust types with ts-rs. Fails when the committed
//! ui/src/bindings/ipc.ts is stale; `UPDATE_BINDINGS=1 cargo test -p
//! pactwright-app --test bindings` rewrites it.

use pactwright_app::dto::*;
use pactwright_app::ipc::IpcError;
use pactwright_app::work::{TargetBudgetOf, WorkEvent};
use ts_rs::TS;

fn generated() -> String {
    let decls = [
        StartInfo::decl(),
        Opened::decl(),
        Saved::decl(),
        RecentFile::decl(),
        Sample::decl(),
        Recovery::decl(),
        Severity::decl(),
        Finding::decl(),
        CheckResult::decl(),
        ApprovalInfo::decl(),
        ApprovedDraft::decl(),
        HolidaysOffer::decl(),
        BudgetRow::decl(),
        TargetBudget::decl(),
        BudgetNoteKind::decl(),
        BudgetNote::decl(),
        DowntimeBudget::decl(),
        OutlineItem::decl(),
        PreviewInfo::decl(),
        Interviewed::decl(),
        pactwright::interview::AnswerError::decl(),
        pactwright::interview::Answers::decl(),
        SavedVersion::decl(),
        CompareWith::decl(),
        Comparison::decl(),
        ComparedSection::decl(),
        ComparedChange::decl(),
        ComparedWord::decl(),
        ChangeEntryDraft::decl(),
        PreviewSpot::decl(),
        FieldAt::decl(),
        PagePaint::decl(),
        GlyphOutline::decl(),
        PaintRun::decl(),
        PaintLine::decl(),
        PaintRect::decl(),
        PaintLink::decl(),
        ExportFormat::decl(),
        ExportProgress::decl(),
        Exported::decl(),
        IpcError::decl(),
        TargetBudgetOf::decl(),
        WorkEvent::decl(),
    ];
    let mut out = String::from(
        "// DO NOT EDIT. Generated from the Rust types in src-tauri/src/dto.rs and\n\
         // src-tauri/src/ipc.rs (and the core's and the typeset crate's types they\n\
         // name) by src-tauri/tests/bindings.rs (ts-rs).\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p pactwright-app --test bindings\n\n\
         import type { Agreement, Holiday } from \"./agreement\";\n",
    );
    for d in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(d.trim());
        out.push('\n');
    }
    out
}

#[test]
fn ipc_bindings_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings/ipc.ts");
    let want = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, &want).expect("write ui/src/bindings/ipc.ts");
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/bindings/ipc.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p pactwright-app --test bindings` and commit it"
    );
}
