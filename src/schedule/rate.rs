//! The `rate(value unit)` grammar: a positive whole number and one of
//! `minute|minutes|hour|hours|day|days`, plus DataSync's once-an-hour minimum.
//!
//! EventBridge rules want the unit singular exactly when the value is 1
//! (`rate(1 hours)` and `rate(5 hour)` fail PutRule). DataSync only points
//! to EventBridge's syntax, and an AWS-maintained Terraform module has
//! created tasks scheduled `rate(1 days)` in its tests since 2024, so a unit
//! in the other number is a warning, and the rate is read as what it means.
//!
//! Decisions where the EventBridge documentation is silent: units are lower
//! case only; leading zeros are read as decimal (`rate(05 hours)` is five
//! hours, `rate(01 hour)` one hour); values above 2147483647 (a Java `int`,
//! which we assume the service parses into) are rejected as too large.

use super::calendar::LATEST;
use super::number::parse_number;
use crate::diagnostic::Piece::{Plain, Quoted};
use crate::diagnostic::{message, quote, Code, Diagnostic, Fixed};

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

fn shape_message(expression: &str) -> String {
    format!(
        "The rate expression {} needs exactly a value and a unit, as in \"rate(12 hours)\".",
        quote(expression)
    )
}

fn not_a_number_message(value: &str) -> String {
    format!(
        "The rate value {} is not a whole number; write a positive whole number without a sign or decimals, as in \"rate(12 hours)\".",
        quote(value)
    )
}

fn zero_message() -> String {
    "The rate value \"0\" is not positive; a rate needs a value of at least 1, as in \"rate(1 hour)\".".to_owned()
}

fn too_large_message(value: &str) -> String {
    format!(
        "The rate value {} is too large; it must be at most {MAX_VALUE}.",
        quote(value)
    )
}

fn unit_message(unit: &str) -> String {
    format!(
        "The rate unit {} is not one EventBridge accepts; use minute, minutes, hour, hours, day or days.",
        quote(unit)
    )
}

fn unit_case_message(unit: &str, fixed: &str) -> String {
    format!(
        "The rate unit {} must be written in lower case, as in {}.",
        quote(unit),
        quote(fixed)
    )
}

/// The warning's message: `plural` says the unit is plural (for a value of 1).
fn unit_number_message(expression: &str, plural: bool, fixed: &str) -> String {
    message(&[
        Plain("The rate expression "),
        Quoted(expression),
        Plain(if plural {
            " does not use the singular unit EventBridge requires for a value of 1"
        } else {
            " does not use the plural unit EventBridge requires for a value above 1"
        }),
        Plain(", and DataSync does not document that it accepts this; write "),
        Quoted(fixed),
        Plain("."),
    ])
}

fn too_frequent_message(expression: &str, minutes: u32) -> String {
    let mut digits = [0; 10];
    // Five pieces, the last one long: each piece is a copy of its own.
    let every = if minutes == 1 {
        [
            Plain("minute"),
            Plain(
                TOO_FREQUENT_TAIL
                    .get(TOO_FREQUENT_REASON_AT..)
                    .unwrap_or_default(),
            ),
        ]
    } else {
        [
            Plain(decimal(minutes, &mut digits)),
            Plain(TOO_FREQUENT_TAIL),
        ]
    };
    message(&[
        Plain("The rate expression "),
        Quoted(expression),
        Plain(" runs the task every "),
        every[0],
        every[1],
    ])
}

/// Why a rate is too frequent and what to write instead ([`HOURLY`], quoted
/// as any value is): the end of the too-frequent message, after its unit.
macro_rules! too_frequent_reason {
    () => {
        concat!(
            ", but DataSync runs a task at most once an hour; use \"",
            hourly!(),
            "\" or a longer interval."
        )
    };
}

/// The end of the too-frequent message after a number of minutes: the
/// unit, then the reason.
const TOO_FREQUENT_TAIL: &str = concat!(" minutes", too_frequent_reason!());

/// Where [`TOO_FREQUENT_TAIL`]'s reason begins, past its unit: the end of
/// the message after "every minute" (one copy of the reason in the `.wasm`).
const TOO_FREQUENT_REASON_AT: usize = TOO_FREQUENT_TAIL.len() - too_frequent_reason!().len();

/// `value`'s decimal digits, written into `digits` without an allocation or
/// the formatting machinery (ten places hold any `u32`).
fn decimal(value: u32, digits: &mut [u8; 10]) -> &str {
    let mut at = digits.len();
    let mut rest = value;
    while let Some(slot) = at.checked_sub(1).and_then(|last| digits.get_mut(last)) {
        *slot = b'0' + (rest % 10) as u8;
        at -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    std::str::from_utf8(digits.get(at..).unwrap_or_default()).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

/// The largest value accepted.
const MAX_VALUE: u32 = i32::MAX as u32;

/// The most frequent rate DataSync allows: spelled once, here, for
/// [`HOURLY`] and for the too-frequent message's tail (built at compile
/// time with `concat!`, which takes literals only).
macro_rules! hourly {
    () => {
        "rate(1 hour)"
    };
}
// As an item: in scope above its definition, in the message's tail.
use hourly;

/// The most frequent rate DataSync allows.
const HOURLY: &str = hourly!();

/// A rate unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
}

impl Unit {
    /// The unit's spelling for a value of 1.
    fn singular(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
        }
    }

    /// The unit's spelling for values above 1.
    fn plural(self) -> &'static str {
        match self {
            Unit::Minute => "minutes",
            Unit::Hour => "hours",
            Unit::Day => "days",
        }
    }

    fn seconds(self) -> i64 {
        match self {
            Unit::Minute => 60,
            Unit::Hour => 3600,
            Unit::Day => 86_400,
        }
    }

    /// The unit and whether the text is its plural spelling.
    fn from_text(text: &str) -> Option<(Unit, bool)> {
        [Unit::Minute, Unit::Hour, Unit::Day]
            .into_iter()
            .find_map(|unit| {
                if text == unit.singular() {
                    Some((unit, false))
                } else if text == unit.plural() {
                    Some((unit, true))
                } else {
                    None
                }
            })
    }
}

/// A parsed rate expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rate {
    pub value: u32,
    pub unit: Unit,
}

impl Rate {
    /// The expression written correctly: `rate(1 hour)`, `rate(12 hours)`.
    fn canonical(self) -> String {
        let unit = if self.value == 1 {
            self.unit.singular()
        } else {
            self.unit.plural()
        };
        format!("rate({} {unit})", self.value)
    }

    /// "Every 12 hours, counted from when the schedule is created".
    pub(crate) fn summary(self) -> String {
        let every = if self.value == 1 {
            format!("Every {}", self.unit.singular())
        } else {
            format!("Every {} {}", self.value, self.unit.plural())
        };
        format!("{every}, counted from when the schedule is created")
    }

    /// Seconds between runs.
    pub(crate) fn interval(self) -> i64 {
        i64::from(self.value) * self.unit.seconds()
    }

    /// DataSync's once-an-hour minimum.
    pub(crate) fn check_frequency(self, expression: &str, path: Fixed) -> Option<Diagnostic> {
        (self.interval() < 3600).then(|| {
            Diagnostic::of(
                Code::ScheduleTooFrequent,
                path,
                too_frequent_message(expression, self.value),
            )
            .with("suggestion", HOURLY)
        })
    }

    /// `from + k × interval` for k = 1..=count, stopping before a run a JS
    /// `Date` cannot hold (after [`LATEST`]).
    pub(crate) fn runs_after(self, from: i64, count: usize) -> Vec<i64> {
        let interval = self.interval();
        let mut runs = Vec::with_capacity(count);
        let mut at = from;
        while runs.len() < count {
            match at.checked_add(interval).filter(|&next| next <= LATEST) {
                Some(next) => {
                    runs.push(next);
                    at = next;
                }
                None => break,
            }
        }
        runs
    }
}

/// Parses the text between `rate(` and `)`: the rate, with a warning when
/// its unit is not in the number EventBridge requires for its value.
pub(crate) fn parse(
    expression: &str,
    inner: &str,
    path: Fixed,
) -> Result<(Rate, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut words = inner.split_ascii_whitespace();
    let (Some(value_text), Some(unit_text), None) = (words.next(), words.next(), words.next())
    else {
        return Err(vec![Diagnostic::of(
            Code::ScheduleInvalid,
            path,
            shape_message(expression),
        )]);
    };
    let mut diagnostics = Vec::new();
    let invalid = |message: String| Diagnostic::of(Code::ScheduleInvalid, path, message);

    let value = match parse_number(value_text) {
        None => {
            diagnostics.push(
                invalid(not_a_number_message(value_text)).with("value", value_text.to_owned()),
            );
            None
        }
        Some(0) => {
            diagnostics.push(invalid(zero_message()).with("value", value_text.to_owned()));
            None
        }
        Some(number) if number > u64::from(MAX_VALUE) => {
            diagnostics.push(
                invalid(too_large_message(value_text))
                    .with("value", value_text.to_owned())
                    .with("max", i64::from(MAX_VALUE)),
            );
            None
        }
        // Checked just above: the number fits.
        Some(number) => Some(number as u32),
    };

    let unit = match Unit::from_text(unit_text) {
        Some(unit) => Some(unit),
        None => {
            let lower = unit_text.to_ascii_lowercase();
            let message = match (Unit::from_text(&lower), value) {
                (Some(_), Some(value)) => {
                    unit_case_message(unit_text, &format!("rate({value} {lower})"))
                }
                (Some(_), None) => unit_case_message(unit_text, &format!("rate(12 {lower})")),
                (None, _) => unit_message(unit_text),
            };
            diagnostics.push(invalid(message).with("unit", unit_text.to_owned()));
            None
        }
    };

    match (value, unit) {
        (Some(value), Some((unit, plural))) if diagnostics.is_empty() => {
            let rate = Rate { value, unit };
            if plural == (value == 1) {
                let fixed = rate.canonical();
                let message = unit_number_message(expression, plural, &fixed);
                diagnostics.push(
                    Diagnostic::of(Code::ScheduleRateUnitSingularPlural, path, message)
                        .with("suggestion", fixed.clone())
                        .with_replacement(fixed),
                );
            }
            Ok((rate, diagnostics))
        }
        _ => Err(diagnostics),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(inner: &str) -> Result<(Rate, Vec<Diagnostic>), Vec<Diagnostic>> {
        parse(
            &format!("rate({inner})"),
            inner,
            crate::diagnostic::fixed!("/p"),
        )
    }

    /// The rate, which must come without a warning.
    fn rate(inner: &str) -> Result<Rate, Vec<Diagnostic>> {
        parsed(inner).map(|(rate, warnings)| {
            assert_eq!(warnings, [], "{inner}");
            rate
        })
    }

    fn error(inner: &str) -> Diagnostic {
        let diagnostics = rate(inner).expect_err(inner);
        assert_eq!(diagnostics.len(), 1, "{inner}: {diagnostics:#?}");
        let diagnostic = diagnostics.into_iter().next().unwrap();
        assert_eq!(diagnostic.code, Code::ScheduleInvalid);
        assert_eq!(diagnostic.path, "/p");
        diagnostic
    }

    #[test]
    fn values_and_units_parse() {
        for (inner, value, unit) in [
            ("1 minute", 1, Unit::Minute),
            ("90 minutes", 90, Unit::Minute),
            ("1 hour", 1, Unit::Hour),
            ("12 hours", 12, Unit::Hour),
            ("1 day", 1, Unit::Day),
            ("7 days", 7, Unit::Day),
            ("  3\t days ", 3, Unit::Day),
            ("05 hours", 5, Unit::Hour),
            ("2147483647 days", 2_147_483_647, Unit::Day),
        ] {
            assert_eq!(rate(inner), Ok(Rate { value, unit }), "{inner}");
        }
    }

    /// The rate `inner` means, and the warning that its unit is in the
    /// other number.
    fn unit_number(inner: &str) -> (Rate, Diagnostic) {
        let (rate, warnings) = parsed(inner).expect(inner);
        let [warning] = <[Diagnostic; 1]>::try_from(warnings).expect(inner);
        assert_eq!(warning.code, Code::ScheduleRateUnitSingularPlural);
        assert_eq!(warning.severity, crate::diagnostic::Severity::Warning);
        assert_eq!(warning.path, "/p");
        (rate, warning)
    }

    #[test]
    fn a_unit_in_the_other_number_is_read_as_meant_with_a_warning() {
        let (one_day, warning) = unit_number("1 days");
        assert_eq!(
            one_day,
            Rate {
                value: 1,
                unit: Unit::Day
            }
        );
        assert_eq!(
            warning.message,
            "The rate expression \"rate(1 days)\" does not use the singular unit EventBridge requires for a value of 1, and DataSync does not document that it accepts this; write \"rate(1 day)\"."
        );
        assert_eq!(warning.params, vec![("suggestion", "rate(1 day)".into())]);
        assert_eq!(
            warning.fix,
            [crate::diagnostic::PatchOp::Replace {
                path: "/p".to_owned(),
                value: "rate(1 day)".into(),
            }]
        );
        let (five_hours, warning) = unit_number("5 hour");
        assert_eq!(
            five_hours,
            Rate {
                value: 5,
                unit: Unit::Hour
            }
        );
        assert!(warning
            .message
            .contains("does not use the plural unit EventBridge requires for a value above 1"));
        assert!(warning.message.ends_with("write \"rate(5 hours)\"."));
        assert_eq!(
            unit_number("1 hours").0,
            Rate {
                value: 1,
                unit: Unit::Hour
            }
        );
        assert_eq!(unit_number("30 minute").0.interval(), 30 * 60);
        assert_eq!(
            unit_number("2147483647 day").1.params,
            vec![("suggestion", "rate(2147483647 days)".into())]
        );
    }

    #[test]
    fn values_are_positive_whole_numbers() {
        for value in ["+1", "-1", "1.5", "1e3", "one", "１"] {
            let diagnostic = error(&format!("{value} hours"));
            assert!(
                diagnostic.message.contains("is not a whole number"),
                "{value}"
            );
            assert_eq!(diagnostic.params, vec![("value", value.into())]);
        }
        assert!(error("0 hours")
            .message
            .contains("a rate needs a value of at least 1"));
        let diagnostic = error("99999999999999999999 hours");
        assert!(diagnostic
            .message
            .contains("is too large; it must be at most 2147483647"));
        assert!(error("2147483648 hours").message.contains("too large"));
    }

    #[test]
    fn units_are_the_six_lower_case_words() {
        for unit in ["second", "seconds", "week", "hrs", "h", "minutes,"] {
            let diagnostic = error(&format!("2 {unit}"));
            assert!(
                diagnostic
                    .message
                    .ends_with("use minute, minutes, hour, hours, day or days."),
                "{unit}"
            );
        }
        assert_eq!(
            error("12 Hours").message,
            "The rate unit \"Hours\" must be written in lower case, as in \"rate(12 hours)\"."
        );
    }

    #[test]
    fn a_bad_value_and_a_bad_unit_are_both_reported() {
        let diagnostics = rate("x weeks").unwrap_err();
        assert_eq!(diagnostics.len(), 2);
    }

    #[test]
    fn exactly_two_words() {
        for inner in ["", " ", "12", "12 hours later", "hours"] {
            assert!(
                error(inner)
                    .message
                    .contains("needs exactly a value and a unit"),
                "{inner:?}"
            );
        }
    }

    #[test]
    fn under_an_hour_is_too_frequent() {
        for inner in ["1 minute", "15 minutes", "59 minutes"] {
            let expression = format!("rate({inner})");
            let diagnostic = rate(inner)
                .unwrap()
                .check_frequency(&expression, crate::diagnostic::fixed!("/p"))
                .expect(inner);
            assert_eq!(diagnostic.code, Code::ScheduleTooFrequent);
            assert!(diagnostic
                .message
                .contains("at most once an hour; use \"rate(1 hour)\""));
            assert_eq!(
                diagnostic.params,
                vec![("suggestion", "rate(1 hour)".into())]
            );
        }
        // The whole text, with the suggestion quoted as any value is.
        for (minutes, every) in [(1, "minute"), (5, "5 minutes")] {
            let expression = format!("rate({every})");
            assert_eq!(
                too_frequent_message(&expression, minutes),
                format!(
                    "The rate expression {} runs the task every {every}, but DataSync runs a task at most once an hour; use {} or a longer interval.",
                    quote(&expression),
                    quote(HOURLY)
                )
            );
        }
        assert!(too_frequent_message("rate(59 minutes)", 59).contains("every 59 minutes,"));
        for value in [0, 7, 10, 59, 1_000, u32::MAX] {
            assert_eq!(decimal(value, &mut [0; 10]), value.to_string());
        }
        for inner in ["60 minutes", "1 hour", "1 day"] {
            assert_eq!(
                rate(inner)
                    .unwrap()
                    .check_frequency("", crate::diagnostic::fixed!("")),
                None,
                "{inner}"
            );
        }
    }

    #[test]
    fn rates_say_they_count_from_creation() {
        assert_eq!(
            rate("12 hours").unwrap().summary(),
            "Every 12 hours, counted from when the schedule is created"
        );
        assert_eq!(
            rate("1 hour").unwrap().summary(),
            "Every hour, counted from when the schedule is created"
        );
        assert_eq!(
            rate("90 minutes").unwrap().summary(),
            "Every 90 minutes, counted from when the schedule is created"
        );
        assert_eq!(
            rate("1 day").unwrap().summary(),
            "Every day, counted from when the schedule is created"
        );
    }

    #[test]
    fn runs_count_whole_intervals_from_the_start() {
        let twelve_hours = rate("12 hours").unwrap();
        assert_eq!(twelve_hours.runs_after(1000, 3), [44_200, 87_400, 130_600]);
        assert_eq!(twelve_hours.runs_after(0, 0), Vec::<i64>::new());
        let huge = rate("2147483647 days").unwrap();
        assert_eq!(huge.runs_after(i64::MAX - 10, 5), Vec::<i64>::new());
    }
}
