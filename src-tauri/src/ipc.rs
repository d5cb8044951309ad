//! The one shape every command error takes on the wire: `{ group, kind,
//! message }`. Each command group keeps its own Rust error enum; this is
//! where they meet the webview, and nowhere else.

use serde::Serialize;
use ts_rs::TS;

/// An error as the webview sees it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    /// The command group: "files", "checks", "preview" or "export".
    pub group: String,
    /// A stable code within the group, e.g. "changed_on_disk".
    pub kind: String,
    /// What happened, in words for the user (the core's message when the
    /// core refused).
    pub message: String,
}

/// Implemented by each group's error type.
pub trait GroupError: std::fmt::Display {
    /// The group's name.
    const GROUP: &'static str;
    /// A stable code for this error.
    fn kind(&self) -> &'static str;
    /// The wire form.
    fn to_ipc(&self) -> IpcError {
        IpcError {
            group: Self::GROUP.to_owned(),
            kind: self.kind().to_owned(),
            message: self.to_string(),
        }
    }
}

/// Implements `Serialize` for a group error through [`IpcError`].
#[macro_export]
macro_rules! serialize_as_ipc {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::ipc::GroupError::to_ipc(self).serialize(s)
            }
        }
    };
}
