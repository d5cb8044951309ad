//! A unit value as a draft holds it: read into its type, or kept exactly as
//! typed when it cannot be read yet ("Monday to Fridya 8am-6pm" as service
//! hours). Every unit field of the model is a `Typed<T>`, so a draft always
//! loads and saves whatever was typed, and each consumer decides what to do
//! with a value it cannot use (the checks report it once, the view prints
//! it as typed, the downtime arithmetic says what it waits for).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::UnitError;

/// A value of a unit type, or the text typed for it when that cannot be
/// read yet.
///
/// Read from any string: what parses is `Read`, anything else `AsTyped`
/// with the text exactly as given. Written back as the read value's
/// canonical form, or the text exactly as typed, so a draft loads and saves
/// to the same bytes whatever it holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Typed<T> {
    /// The value, read.
    Read(T),
    /// The text as typed, which its type cannot read (yet).
    AsTyped(String),
}

impl<T> Typed<T> {
    /// The value, when it was read.
    pub fn read(&self) -> Option<&T> {
        match self {
            Typed::Read(v) => Some(v),
            Typed::AsTyped(_) => None,
        }
    }

    /// The text as typed, when it could not be read.
    pub fn as_typed(&self) -> Option<&str> {
        match self {
            Typed::Read(_) => None,
            Typed::AsTyped(text) => Some(text),
        }
    }
}

/// What a unit type understands, for a finding on a text it cannot read:
/// an example or two, each quoted, as put after "write it like".
pub trait Example {
    /// E.g. `"4 hours" or "2 business days"`, quotes included.
    const EXAMPLE: &'static str;
}

impl Example for super::Schedule {
    const EXAMPLE: &'static str = "\"Monday to Friday 08:00-18:00\" or \"24/7\"";
}

impl Example for super::Hours {
    const EXAMPLE: &'static str = "\"service hours\" or \"Monday to Friday 08:00-18:00\"";
}

impl Example for super::Duration {
    const EXAMPLE: &'static str = "\"4 hours\", \"90 days\" or \"2 business days\"";
}

impl Example for super::Percent {
    const EXAMPLE: &'static str = "\"99.9%\"";
}

impl Example for super::Date {
    const EXAMPLE: &'static str = "\"2026-04-01\" or \"1 April 2026\"";
}

impl Example for super::Days {
    const EXAMPLE: &'static str = "\"Mon-Fri\" or \"Mon-Sat\"";
}

/// What follows a value printed as typed, which cannot be read yet.
pub const NOT_UNDERSTOOD: &str = "(as typed; not yet understood)";

impl<T> Typed<T> {
    /// As printed for a reader: the value as `words` puts it, or the text
    /// as typed followed by [`NOT_UNDERSTOOD`].
    pub fn printed(&self, words: impl FnOnce(&T) -> String) -> String {
        match self {
            Typed::Read(v) => words(v),
            Typed::AsTyped(text) => format!("{} {NOT_UNDERSTOOD}", text.trim()),
        }
    }
}

impl<T: Copy> Typed<T> {
    /// The value, when it was read (for the unit types that are `Copy`).
    pub fn get(&self) -> Option<T> {
        self.read().copied()
    }
}

impl<T: FromStr<Err = UnitError>> Typed<T> {
    /// Reads a value from its text; text that cannot be read is kept as
    /// typed.
    pub fn parse(text: &str) -> Self {
        text.parse()
            .map_or_else(|_| Typed::AsTyped(text.to_owned()), Typed::Read)
    }

    /// Why the text as typed cannot be read (`None` for a value read).
    pub fn why_not(&self) -> Option<UnitError> {
        self.as_typed().and_then(|text| text.parse::<T>().err())
    }
}

/// A field that may be absent and, when given, may not be read yet
/// (`Option<Typed<T>>`): its value, or its text as typed, in one call.
pub trait Given<T> {
    /// The value, when given and read.
    fn read(&self) -> Option<&T>;
    /// The text as typed, when given and not read.
    fn as_typed(&self) -> Option<&str>;
    /// The value, when given and read (for the unit types that are `Copy`).
    fn get(&self) -> Option<T>
    where
        T: Copy,
    {
        self.read().copied()
    }
}

impl<T> Given<T> for Option<Typed<T>> {
    fn read(&self) -> Option<&T> {
        self.as_ref().and_then(Typed::read)
    }

    fn as_typed(&self) -> Option<&str> {
        self.as_ref().and_then(Typed::as_typed)
    }
}

impl<T> From<T> for Typed<T> {
    fn from(value: T) -> Self {
        Typed::Read(value)
    }
}

impl<T: Default> Default for Typed<T> {
    fn default() -> Self {
        Typed::Read(T::default())
    }
}

impl<T: fmt::Display> fmt::Display for Typed<T> {
    /// The read value's canonical form, or the text exactly as typed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Typed::Read(v) => v.fmt(f),
            Typed::AsTyped(text) => f.write_str(text),
        }
    }
}

impl<T: fmt::Display> Serialize for Typed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Typed::Read(v) => serializer.collect_str(v),
            Typed::AsTyped(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de, T: FromStr<Err = UnitError>> Deserialize<'de> for Typed<T> {
    /// Never fails for a string; anything else (a number, a list) is not a
    /// value typed into a unit field and is refused as the wrong type.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        Ok(Typed::parse(&text))
    }
}

/// The schema of a string kept as typed, shared by every unit field.
struct AsTypedText;

impl JsonSchema for AsTypedText {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("AsTyped")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A value in a form Pactwright cannot read yet, kept exactly as typed; `pactwright check` reports it as `not-understood` until it is written in a form the field understands."
        })
    }
}

impl<T: JsonSchema> JsonSchema for Typed<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Typed_{}", T::schema_name()))
    }

    /// The unit's own form (its pattern and examples, for editors), or any
    /// other string, kept as typed.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let read = generator.subschema_for::<T>();
        let as_typed = generator.subschema_for::<AsTypedText>();
        json_schema!({ "anyOf": [read, as_typed] })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Duration, Percent, Schedule};
    use super::*;

    #[test]
    fn reads_what_it_can_and_keeps_the_rest_as_typed() {
        let read: Typed<Duration> = serde_json::from_str("\"30 minutes\"").unwrap();
        assert_eq!(read, Typed::Read(Duration::from_mins(30)));
        assert_eq!(serde_json::to_string(&read).unwrap(), "\"30 min\"");
        let kept: Typed<Schedule> = serde_json::from_str("\" Monday to Fridya 8am-6pm \"").unwrap();
        assert_eq!(kept.as_typed(), Some(" Monday to Fridya 8am-6pm "));
        assert_eq!(
            serde_json::to_string(&kept).unwrap(),
            "\" Monday to Fridya 8am-6pm \""
        );
        assert!(kept.why_not().is_some());
        assert!(read.why_not().is_none());
        assert!(serde_json::from_str::<Typed<Percent>>("99.9").is_err());
    }
}
