//! What the background work pushes to the UI.

use serde::Serialize;
use ts_rs::TS;

use crate::dto::{CheckResult, DowntimeBudget, PreviewInfo};
use crate::ipc::IpcError;

/// A result of the background work, for the edit it reflects.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkEvent {
    /// The draft was checked.
    Checked {
        /// The edit checked.
        #[ts(type = "number")]
        edit: u64,
        /// The findings.
        result: CheckResult,
    },
    /// The checks failed inside: the draft is not checked (never shown as
    /// "no findings").
    CheckFailed {
        /// The edit.
        #[ts(type = "number")]
        edit: u64,
        /// Why, for the user.
        error: IpcError,
    },
    /// The draft was laid out; its pages can be fetched with
    /// `preview_page` and the revision.
    Laid {
        /// The edit laid out.
        #[ts(type = "number")]
        edit: u64,
        /// The pages.
        info: PreviewInfo,
    },
    /// The draft could not be laid out.
    PreviewFailed {
        /// The edit.
        #[ts(type = "number")]
        edit: u64,
        /// Why, for the user.
        error: IpcError,
    },
    /// The downtime budget of every availability target.
    Budgets {
        /// The edit.
        #[ts(type = "number")]
        edit: u64,
        /// One per availability target, in the order of the targets.
        budgets: Vec<TargetBudgetOf>,
    },
    /// The open file was changed (or removed) by another program since it
    /// was opened or last saved.
    ChangedOnDisk {
        /// The file.
        path: String,
        /// Its name.
        name: String,
        /// True when it is gone.
        removed: bool,
    },
}

/// The downtime budget of one availability target.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TargetBudgetOf {
    /// The target's index in the draft's `service_levels`.
    pub index: u32,
    /// The budget, or why there is none.
    pub budget: DowntimeBudget,
}
