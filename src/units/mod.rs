//! Typed values with units, read from and written as the human forms a
//! service owner types: `"4h"`, `"30 min"`, `"99.95%"`, `"08:00"`,
//! `"Mon-Fri"`, `"2026-01-01"`.
//!
//! Every type here has one canonical written form, so a draft that was saved
//! by Pactwright loads and saves back to the same bytes. Parsing is lenient
//! about spacing and unit spellings (`"30 minutes"`, `"1h 30m"`), and every
//! parse error says what was expected with an example.

mod date;
mod days;
mod duration;
mod hours;
mod percent;
mod schedule;
mod time_of_day;
mod typed;

pub use date::Date;
pub use days::Days;
pub use duration::Duration;
pub use hours::Hours;
pub use percent::Percent;
pub use schedule::{Schedule, Window};
pub use time_of_day::TimeOfDay;
pub use typed::{Example, Given, NOT_UNDERSTOOD, Typed};

/// A value that could not be read from its human form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct UnitError {
    /// What was wrong and what was expected.
    pub message: String,
}

impl UnitError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

/// Implements `Serialize`, `Deserialize` and `JsonSchema` for a type that
/// has `FromStr` and `Display`, so it is stored as its human string form.
macro_rules! string_form {
    ($ty:ty, $name:literal, $pattern:expr, $description:literal, [$($example:literal),*]) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = Cow::<str>::deserialize(deserializer)?;
                text.parse().map_err(|e: UnitError| serde::de::Error::custom(e.message))
            }
        }

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                    "examples": [$($example),*]
                })
            }
        }
    };
}
pub(crate) use string_form;
