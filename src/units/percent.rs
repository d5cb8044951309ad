//! Percentages held exactly, to four decimal places: availability targets
//! (`"99.95%"`), credit tiers (`"10%"`), caps.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{UnitError, string_form};

/// A percentage with up to four decimal places, held exactly: availability
/// targets (`"99.95%"`), credit tiers (`"10%"`), caps.
///
/// Values outside 0-100 are representable (a credit cap of 150% is a
/// mistake a check reports, not a file that cannot be opened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent {
    /// Ten-thousandths of a percent: 99.95% is 999_500.
    ten_thousandths: i64,
}

impl Percent {
    /// The number of ten-thousandths of a percent in 100%.
    const SCALE: i64 = 10_000;

    /// A whole percentage.
    pub const fn whole(percent: i64) -> Self {
        Self {
            ten_thousandths: percent * Self::SCALE,
        }
    }

    /// A percentage from ten-thousandths of a percent (`999_500` is 99.95%).
    pub const fn from_ten_thousandths(value: i64) -> Self {
        Self {
            ten_thousandths: value,
        }
    }

    /// Ten-thousandths of a percent.
    pub const fn ten_thousandths(self) -> i64 {
        self.ten_thousandths
    }

    /// The value as a fraction of one (99.95% is 0.9995).
    pub fn as_fraction(self) -> f64 {
        self.ten_thousandths as f64 / (100 * Self::SCALE) as f64
    }

    /// The complement as an exact ratio of ten-thousandths of a percent:
    /// for 99.95% this is 500 (out of 1_000_000).
    pub const fn shortfall_parts_per_million(self) -> i64 {
        100 * Self::SCALE - self.ten_thousandths
    }

    /// True when 0% <= value <= 100%.
    pub const fn is_proportion(self) -> bool {
        self.ten_thousandths >= 0 && self.ten_thousandths <= 100 * Self::SCALE
    }
}

impl FromStr for Percent {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hint = "write it like \"99.95%\"";
        let lower = text.trim().to_ascii_lowercase();
        let Some(number) = ["%", "percent", "per cent"]
            .iter()
            .find_map(|sign| lower.strip_suffix(sign))
        else {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": it must end with `%`; {hint}"
            )));
        };
        let number = number.trim_end();
        let (negative, digits) = match number.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, number),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let is_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !is_digits(whole) || !is_digits(fraction) {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": `{number}` is not a number; {hint}"
            )));
        }
        if fraction.len() > 4 {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": at most four decimal places are supported; {hint}"
            )));
        }
        if whole.len() > 9 {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": the number is too large; {hint}"
            )));
        }
        let whole: i64 = whole
            .parse()
            .map_err(|_| UnitError::new(format!("invalid percentage \"{text}\"; {hint}")))?;
        let mut frac_value: i64 = 0;
        for i in 0..4 {
            let digit = fraction
                .as_bytes()
                .get(i)
                .map_or(0, |b| i64::from(b - b'0'));
            frac_value = frac_value * 10 + digit;
        }
        let magnitude = whole * Self::SCALE + frac_value;
        Ok(Percent {
            ten_thousandths: if negative { -magnitude } else { magnitude },
        })
    }
}

impl fmt::Display for Percent {
    /// The canonical form: `"99.95%"`, `"100%"`, `"-1%"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.ten_thousandths < 0 { "-" } else { "" };
        let magnitude = self.ten_thousandths.unsigned_abs();
        let whole = magnitude / Self::SCALE as u64;
        let fraction = magnitude % Self::SCALE as u64;
        if fraction == 0 {
            write!(f, "{sign}{whole}%")
        } else {
            let digits = format!("{fraction:04}");
            write!(f, "{sign}{whole}.{}%", digits.trim_end_matches('0'))
        }
    }
}

string_form!(
    Percent,
    "Percent",
    r"^\s*-?[0-9]+(\.[0-9]{1,4})?\s*%\s*$",
    "A percentage with up to four decimals, e.g. \"99.95%\" (also read, and saved in that form: \"99.95 %\", \"99.95 percent\").",
    ["99.95%", "10%"]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_are_exact() {
        for (input, canonical, tt) in [
            ("99.95%", "99.95%", 999_500),
            ("99.999 %", "99.999%", 999_990),
            ("100%", "100%", 1_000_000),
            ("100.5%", "100.5%", 1_005_000),
            ("-1%", "-1%", -10_000),
            ("10.0%", "10%", 100_000),
        ] {
            let p: Percent = input.parse().unwrap();
            assert_eq!(p.ten_thousandths(), tt, "{input}");
            assert_eq!(p.to_string(), canonical);
        }
        assert!("99.95".parse::<Percent>().is_err());
        assert!("abc%".parse::<Percent>().is_err());
        assert!("99.123456%".parse::<Percent>().is_err());
        assert!(!"100.5%".parse::<Percent>().unwrap().is_proportion());
    }

    #[test]
    fn percents_as_people_write_them() {
        for text in [
            "99.9 %",
            "99.9 percent",
            "99.9 Percent",
            "99.9per cent",
            " 99.9% ",
        ] {
            let p: Percent = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(p, "99.9%".parse().unwrap(), "{text}");
            assert_eq!(p.to_string(), "99.9%");
        }
        // A number alone is not a percentage: the app relies on "99.9"
        // staying unreadable while the % is still to be typed.
        for text in ["99.9", "99.9 pc", "percent", "ninety-nine percent"] {
            assert!(text.parse::<Percent>().is_err(), "{text}");
        }
        let err = "99.9".parse::<Percent>().unwrap_err();
        assert!(err.message.contains("it must end with `%`"), "{err}");
    }
}
