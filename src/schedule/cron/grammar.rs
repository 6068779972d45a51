//! The six-field EventBridge cron grammar: parses `minutes hours
//! day-of-month month day-of-week year` into a [`Cron`] model, and reports
//! what the service rejects: bad tokens, one error per field, and the `?`
//! rule. What DataSync adds (at most one run an hour) and schedules that never
//! fire are `checks.rs`'s.
//!
//! Grammar decisions where the EventBridge documentation is silent follow
//! Quartz, whose syntax EventBridge's cron adopts:
//! - names (`JAN`, `mon`) and the letters `L` and `W` are case-insensitive;
//! - an expression using `L`, `W` or `#` must be its field's only expression
//!   (Quartz rejects `L,15` and `1#1,2#2`);
//! - `L-n` means `n` days before the last day (31 - 3 = the 28th), with `n`
//!   from 0 to 30, and `L-nW` the weekday nearest it;
//! - an increment after `/` runs from 1 to the field's largest value (1-59 for
//!   minutes; 1-229 for years), except after a single start value, where a
//!   larger one selects the start alone (`0/60` is minute 0, as in Quartz's
//!   older parser: EventBridge and DataSync accept it);
//! - `nW` for a day the month does not have (`31W` in April) selects nothing
//!   in that month, as plain `31` does.
//!
//! Wrapping ranges (`FRI-MON`, `22-2`) are accepted with Quartz's meaning
//! (`22-2` is 22, 23, 0, 1, 2): the EventBridge documentation only describes
//! ascending ranges, but Quartz accepts these, and we never call an error what
//! the service may take. Only a year range cannot wrap.

use super::model::{Cron, Days, Field, FieldKind, Step, WEEKDAY_NAMES};
use crate::diagnostic::{quote, Code, Diagnostic, Fixed};
use crate::schedule::number::parse_number;

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

fn field_message(kind: FieldKind, problem: &Problem) -> String {
    let field = kind.label();
    match problem {
        Problem::EmptyItem { field: text } => format!(
            "The {field} field {} has an empty item; remove the extra comma.",
            quote(text)
        ),
        Problem::Unrecognized { item } => format!(
            "The {field} field has {}, which is not a value it accepts; use {}.",
            quote(item),
            kind.accepts()
        ),
        Problem::OutOfRange { item } => {
            let zero_weekday = if kind == FieldKind::DayOfWeek {
                " (1 = Sunday, 7 = Saturday)"
            } else {
                ""
            };
            format!(
                "The {field} field has {}, but its values run from {} to {}{zero_weekday}.",
                quote(item),
                kind.min(),
                kind.max()
            )
        }
        Problem::Backwards { item } => format!(
            "The {field} field has the range {}, which runs backwards; a year range must go from the earlier year to the later one.",
            quote(item)
        ),
        Problem::BadIncrement { item } => format!(
            "The {field} field has {}, but the increment after / must be a whole number from 1 to {}.",
            quote(item),
            kind.step_limit()
        ),
        Problem::QuestionNotAllowed => format!(
            "The {field} field has \"?\", which only the day-of-month and day-of-week fields accept; use \"*\" for every value."
        ),
        Problem::QuestionNotAlone { field: text } => format!(
            "The {field} field {} combines \"?\" with other values; \"?\" must be the whole field.",
            quote(text)
        ),
        Problem::LetterNotAllowed { item, letter } => format!(
            "The {field} field has {}, but {letter} is only allowed in {}.",
            quote(item),
            match letter {
                'L' => "the day-of-month and day-of-week fields",
                'W' => "the day-of-month field",
                _ => "the day-of-week field",
            }
        ),
        Problem::SpecialNotAlone { field: text, item } => format!(
            "The {field} field {} lists {} with other values, but an expression with L, W or # must be the field's only expression.",
            quote(text),
            quote(item)
        ),
        Problem::NthOutOfRange { item } => format!(
            "The {field} field has {}, but the number after # (which week of the month) must be from 1 to 5.",
            quote(item)
        ),
        Problem::LastOffsetOutOfRange { item } => format!(
            "The {field} field has {}, but the number of days after L- must be from 0 to 30.",
            quote(item)
        ),
    }
}

fn both_question_message(suggestion: &str) -> String {
    format!(
        "The day-of-month and day-of-week fields are both \"?\", but exactly one of them must be; set the day-of-month field to \"*\" to run every day, as in {}, or give either field a value.",
        quote(suggestion)
    )
}

fn neither_question_message(dom: &str, dow: &str, fix: NeitherFix<'_>) -> String {
    let start = format!(
        "The day-of-month field {} and the day-of-week field {} are both set, but exactly one of them must be \"?\"",
        quote(dom),
        quote(dow)
    );
    match fix {
        NeitherFix::DayOfWeek(suggestion) => format!(
            "{start}; set the day-of-week field to \"?\", as in {}.",
            quote(suggestion)
        ),
        NeitherFix::DayOfMonth(suggestion) => format!(
            "{start}; set the day-of-month field to \"?\", as in {}.",
            quote(suggestion)
        ),
        NeitherFix::Either => format!(
            "{start}: a schedule cannot require both a date and a weekday, so set the one you do not need to \"?\"."
        ),
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// Why a field was rejected; each carries the token to quote.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Problem {
    EmptyItem { field: String },
    Unrecognized { item: String },
    OutOfRange { item: String },
    Backwards { item: String },
    BadIncrement { item: String },
    QuestionNotAllowed,
    QuestionNotAlone { field: String },
    LetterNotAllowed { item: String, letter: char },
    SpecialNotAlone { field: String, item: String },
    NthOutOfRange { item: String },
    LastOffsetOutOfRange { item: String },
}

/// How the `?` rule can be fixed when neither day field is `?`.
enum NeitherFix<'a> {
    DayOfWeek(&'a str),
    DayOfMonth(&'a str),
    Either,
}

/// What one field parsed to.
enum Parsed {
    Question,
    Values(Field),
    Special(Days),
}

/// Rebuilds `cron(...)` from six field texts.
pub(crate) fn expression(fields: [&str; 6]) -> String {
    format!("cron({})", fields.join(" "))
}

/// Parses six field texts. On failure, returns one diagnostic per bad field
/// (and one for the `?` rule when both day fields parse).
pub(crate) fn parse(fields: [&str; 6], path: Fixed) -> Result<Cron, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut parsed: Vec<Option<Parsed>> = Vec::with_capacity(6);
    for (kind, text) in FieldKind::ALL.into_iter().zip(fields) {
        match parse_field(kind, text) {
            Ok(field) => parsed.push(Some(field)),
            Err(problem) => {
                diagnostics.push(
                    Diagnostic::of(Code::ScheduleInvalid, path, field_message(kind, &problem))
                        .with("field", kind.label())
                        .with("token", problem_token(&problem, text)),
                );
                parsed.push(None);
            }
        }
    }
    let mut parsed = parsed.into_iter();
    let (minutes, hours, dom, months, dow, years) = (
        parsed.next().flatten(),
        parsed.next().flatten(),
        parsed.next().flatten(),
        parsed.next().flatten(),
        parsed.next().flatten(),
        parsed.next().flatten(),
    );
    let days = match (dom, dow) {
        (Some(dom), Some(dow)) => match day_rule(dom, dow, fields, path) {
            Ok(days) => Some(days),
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                None
            }
        },
        _ => None,
    };
    match (minutes, hours, days, months, years) {
        (
            Some(Parsed::Values(minutes)),
            Some(Parsed::Values(hours)),
            Some(days),
            Some(Parsed::Values(months)),
            Some(Parsed::Values(years)),
        ) if diagnostics.is_empty() => Ok(Cron {
            minutes,
            hours,
            days,
            months,
            years,
        }),
        _ => Err(diagnostics),
    }
}

/// The token a problem is about, for the `token` param.
fn problem_token(problem: &Problem, field: &str) -> String {
    match problem {
        Problem::Unrecognized { item }
        | Problem::OutOfRange { item }
        | Problem::Backwards { item, .. }
        | Problem::BadIncrement { item }
        | Problem::LetterNotAllowed { item, .. }
        | Problem::SpecialNotAlone { item, .. }
        | Problem::NthOutOfRange { item }
        | Problem::LastOffsetOutOfRange { item } => item.clone(),
        Problem::QuestionNotAllowed => "?".to_owned(),
        Problem::EmptyItem { .. } | Problem::QuestionNotAlone { .. } => field.to_owned(),
    }
}

/// Applies "exactly one of day-of-month and day-of-week is `?`".
fn day_rule(dom: Parsed, dow: Parsed, fields: [&str; 6], path: Fixed) -> Result<Days, Diagnostic> {
    match (dom, dow) {
        (Parsed::Question, Parsed::Question) => {
            let suggestion = expression([fields[0], fields[1], "*", fields[3], "?", fields[5]]);
            Err(Diagnostic::of(
                Code::ScheduleInvalid,
                path,
                both_question_message(&suggestion),
            )
            .with("suggestion", suggestion))
        }
        (Parsed::Question, Parsed::Values(field)) => Ok(Days::Weekdays(field)),
        (Parsed::Question, Parsed::Special(days)) | (Parsed::Special(days), Parsed::Question) => {
            Ok(days)
        }
        (Parsed::Values(field), Parsed::Question) => Ok(Days::Dates(field)),
        (_, _) => {
            let (dom, dow) = (fields[2], fields[4]);
            let suggestion = if dow == "*" {
                Some(expression([
                    fields[0], fields[1], dom, fields[3], "?", fields[5],
                ]))
            } else if dom == "*" {
                Some(expression([
                    fields[0], fields[1], "?", fields[3], dow, fields[5],
                ]))
            } else {
                None
            };
            let fix = match &suggestion {
                Some(text) if dow == "*" => NeitherFix::DayOfWeek(text),
                Some(text) => NeitherFix::DayOfMonth(text),
                None => NeitherFix::Either,
            };
            let diagnostic = Diagnostic::of(
                Code::ScheduleInvalid,
                path,
                neither_question_message(dom, dow, fix),
            );
            // A "*" day field means "any day", so "?" in its place keeps
            // the schedule: the suggestion is then the one fix.
            Err(match suggestion {
                Some(text) => diagnostic
                    .with("suggestion", text.clone())
                    .with_replacement(text),
                None => diagnostic,
            })
        }
    }
}

fn parse_field(kind: FieldKind, text: &str) -> Result<Parsed, Problem> {
    let day_field = matches!(kind, FieldKind::DayOfMonth | FieldKind::DayOfWeek);
    if text == "?" {
        return if day_field {
            Ok(Parsed::Question)
        } else {
            Err(Problem::QuestionNotAllowed)
        };
    }
    let single = !text.contains(',');
    let mut field = Field::empty(kind);
    // Stepped ranges cost one insert per value, so repeats are skipped: the
    // first STEPPED_KEPT distinct ones are kept in a list searched from the
    // start, and any beyond them is inserted again, which gives the same field
    // (so a huge field stays linear). An expression is at most 256 characters
    // (the model's rule, checked first), so every one fits in practice. A list,
    // not a set: a set of its own put a fourth copy of the hash table's code
    // into the .wasm (docs/performance.md, "Room for the walker").
    let mut stepped = Vec::new();
    for item in text.split(',') {
        if item.is_empty() {
            return Err(Problem::EmptyItem {
                field: text.to_owned(),
            });
        }
        if item.as_bytes().contains(&b'?') {
            return Err(if day_field {
                Problem::QuestionNotAlone {
                    field: text.to_owned(),
                }
            } else {
                Problem::QuestionNotAllowed
            });
        }
        match parse_item(kind, item) {
            Ok((from, to, every)) if from > to => {
                for value in wrapped_values(kind, from, to, every) {
                    field.insert(value);
                }
            }
            Ok((from, to, 1)) => field.insert_range(from, to),
            Ok((from, to, every)) => {
                if !stepped.contains(&(from, to, every)) {
                    if stepped.len() < STEPPED_KEPT {
                        stepped.push((from, to, every));
                    }
                    for value in (from..=to).step_by(every as usize) {
                        field.insert(value);
                    }
                }
                if single {
                    field.step = Some(Step { from, to, every });
                }
            }
            Err(Problem::Unrecognized { item: bad }) => {
                return match parse_special(kind, item) {
                    None => Err(Problem::Unrecognized { item: bad }),
                    Some(Err(problem)) => Err(problem),
                    Some(Ok(_)) if !single => Err(Problem::SpecialNotAlone {
                        field: text.to_owned(),
                        item: item.to_owned(),
                    }),
                    Some(Ok(special)) => Ok(Parsed::Special(special)),
                };
            }
            Err(problem) => return Err(problem),
        }
    }
    Ok(Parsed::Values(field))
}

/// How many distinct stepped items of one field [`parse_field`] remembers to skip their repeats.
const STEPPED_KEPT: usize = 128;

/// Parses `*`, `v`, `a-b`, each optionally followed by `/n`, into
/// (from, to, every).
fn parse_item(kind: FieldKind, item: &str) -> Result<(u32, u32, u32), Problem> {
    let (base, increment) = match split_at(item, b'/') {
        Some((base, increment)) => (base, Some(increment)),
        None => (item, None),
    };
    let every = match increment {
        None => 1,
        Some(text) => match parse_number(text) {
            Some(every) if (1..=u64::from(kind.step_limit())).contains(&every) => every as u32,
            // A single start with a step at or beyond the field's range (`0/60`)
            // selects the start alone: Quartz's older parser, which EventBridge
            // follows, accepts it, and DataSync takes `cron(0/60 * * * ? *)`.
            // `*/60` and ranges keep the limit (EventBridge rejects `*/60`).
            Some(every) if every > 0 && base != "*" && split_at(base, b'-').is_none() => {
                let (value, _) = parse_value(kind, base, item)?;
                return Ok((value, value, 1));
            }
            _ => {
                // `L/2` and the like are not increments at all.
                if parse_special(kind, base).is_some() || base.is_empty() {
                    return Err(Problem::Unrecognized {
                        item: item.to_owned(),
                    });
                }
                return Err(Problem::BadIncrement {
                    item: item.to_owned(),
                });
            }
        },
    };
    let (from, to) = if base == "*" {
        (kind.min(), kind.max())
    } else if let Some((low, high)) = split_at(base, b'-') {
        let (from, _) = parse_value(kind, low, item)?;
        let (to, _) = parse_value(kind, high, item)?;
        // A range that wraps (`22-2`, `FRI-MON`) runs past the field's end and
        // on from its start, as in Quartz; only years cannot wrap.
        if from > to && kind == FieldKind::Year {
            return Err(Problem::Backwards {
                item: item.to_owned(),
            });
        }
        (from, to)
    } else {
        let (value, _) = parse_value(kind, base, item)?;
        (
            value,
            if increment.is_some() {
                kind.max()
            } else {
                value
            },
        )
    };
    Ok((from, to, every))
}

/// The values of a range that wraps past the field's end: `from` up to the
/// largest value, then on from the smallest up to `to`, every `every` steps.
fn wrapped_values(kind: FieldKind, from: u32, to: u32, every: u32) -> Vec<u32> {
    let span = kind.max() - kind.min() + 1;
    let length = kind.max() - from + 1 + to - kind.min();
    (0..=length)
        .step_by(every.max(1) as usize)
        .map(|offset| kind.min() + (from - kind.min() + offset) % span)
        .collect()
}

/// Splits at the first `separator` (ASCII). For the short items of a list
/// this is faster than `str::split_once`, which matters for huge lists.
fn split_at(text: &str, separator: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|byte| byte == separator)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// A number or name within the field's range; also says whether it was a name.
fn parse_value(kind: FieldKind, text: &str, item: &str) -> Result<(u32, bool), Problem> {
    if let Some(number) = parse_number(text) {
        return match u32::try_from(number) {
            Ok(value) if (kind.min()..=kind.max()).contains(&value) => Ok((value, false)),
            _ => Err(Problem::OutOfRange {
                item: item.to_owned(),
            }),
        };
    }
    kind.names()
        .iter()
        .position(|name| name.eq_ignore_ascii_case(text))
        .map(|index| (index as u32 + kind.min(), true))
        .ok_or_else(|| Problem::Unrecognized {
            item: item.to_owned(),
        })
}

/// Recognizes the `L`, `W` and `#` forms. `None` when the item has none of
/// their shapes; otherwise the form or why it is wrong here.
fn parse_special(kind: FieldKind, item: &str) -> Option<Result<Days, Problem>> {
    let upper = item.to_ascii_uppercase();
    let not_allowed = |letter| {
        Some(Err(Problem::LetterNotAllowed {
            item: item.to_owned(),
            letter,
        }))
    };
    let is_day_name = |text: &str| WEEKDAY_NAMES.contains(&text);
    let is_number = |text: &str| parse_number(text).is_some();

    if let Some((weekday, nth)) = upper.split_once('#') {
        if kind != FieldKind::DayOfWeek {
            return not_allowed('#');
        }
        return Some(parse_value(kind, weekday, item).and_then(
            |(weekday, _)| match parse_number(nth) {
                Some(nth @ 1..=5) => Ok(Days::Nth {
                    weekday,
                    nth: nth as u32,
                }),
                _ => Err(Problem::NthOutOfRange {
                    item: item.to_owned(),
                }),
            },
        ));
    }
    if upper == "L" {
        return match kind {
            FieldKind::DayOfMonth => Some(Ok(Days::Last {
                offset: 0,
                weekday: false,
            })),
            FieldKind::DayOfWeek => {
                let mut saturday = Field::empty(kind);
                saturday.insert(7);
                Some(Ok(Days::Weekdays(saturday)))
            }
            _ => not_allowed('L'),
        };
    }
    if upper == "LW" {
        return match kind {
            FieldKind::DayOfMonth => Some(Ok(Days::Last {
                offset: 0,
                weekday: true,
            })),
            FieldKind::DayOfWeek => not_allowed('W'),
            _ => not_allowed('L'),
        };
    }
    if let Some(rest) = upper.strip_prefix("L-") {
        if kind != FieldKind::DayOfMonth {
            return if kind == FieldKind::DayOfWeek {
                Some(Err(Problem::Unrecognized {
                    item: item.to_owned(),
                }))
            } else {
                not_allowed('L')
            };
        }
        let (offset, weekday) = match rest.strip_suffix('W') {
            Some(offset) => (offset, true),
            None => (rest, false),
        };
        return Some(match parse_number(offset) {
            Some(offset @ 0..=30) => Ok(Days::Last {
                offset: offset as u32,
                weekday,
            }),
            Some(_) => Err(Problem::LastOffsetOutOfRange {
                item: item.to_owned(),
            }),
            None => Err(Problem::Unrecognized {
                item: item.to_owned(),
            }),
        });
    }
    if let Some(day) = upper.strip_suffix('W').filter(|day| is_number(day)) {
        if kind != FieldKind::DayOfMonth {
            return not_allowed('W');
        }
        return Some(parse_value(kind, day, item).map(|(day, _)| Days::NearestWeekday(day)));
    }
    if let Some(weekday) = upper
        .strip_suffix('L')
        .filter(|day| is_number(day) || is_day_name(day))
    {
        if kind != FieldKind::DayOfWeek {
            return if kind == FieldKind::DayOfMonth {
                Some(Err(Problem::Unrecognized {
                    item: item.to_owned(),
                }))
            } else {
                not_allowed('L')
            };
        }
        return Some(
            parse_value(kind, weekday, item).map(|(weekday, _)| Days::LastWeekday(weekday)),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{fields, parse_ok};
    use super::*;
    use crate::diagnostic::Severity;

    /// The single error for an invalid expression.
    fn error(text: &str) -> Diagnostic {
        let diagnostics = parse(fields(text), crate::diagnostic::fixed!("/p")).expect_err(text);
        assert_eq!(diagnostics.len(), 1, "{text}: {diagnostics:#?}");
        let diagnostic = diagnostics.into_iter().next().unwrap();
        assert_eq!(diagnostic.code, Code::ScheduleInvalid);
        assert_eq!(diagnostic.severity, Severity::Error);
        assert_eq!(diagnostic.path, "/p");
        diagnostic
    }

    fn values(field: &Field) -> Vec<u32> {
        field.values().collect()
    }

    fn weekdays(cron: &Cron) -> Vec<u32> {
        match &cron.days {
            Days::Weekdays(field) => values(field),
            other => panic!("not weekdays: {other:?}"),
        }
    }

    fn dates(cron: &Cron) -> Vec<u32> {
        match &cron.days {
            Days::Dates(field) => values(field),
            other => panic!("not dates: {other:?}"),
        }
    }

    #[test]
    fn plain_values_select_one_value_each() {
        let cron = parse_ok("0 8 1 1 ? 2027");
        assert_eq!(values(&cron.minutes), [0]);
        assert_eq!(values(&cron.hours), [8]);
        assert_eq!(dates(&cron), [1]);
        assert_eq!(values(&cron.months), [1]);
        assert_eq!(values(&cron.years), [2027]);
    }

    #[test]
    fn star_selects_the_whole_range() {
        let cron = parse_ok("0 * * * ? *");
        assert!(cron.hours.is_all());
        assert_eq!(cron.hours.count(), 24);
        assert_eq!(dates(&cron).len(), 31);
        assert!(cron.months.is_all());
        assert_eq!(cron.years.count(), 230);
        assert_eq!(cron.years.values().last(), Some(2199));
        assert_eq!(weekdays(&parse_ok("0 0 ? * * *")), [1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn lists_ranges_and_increments_combine() {
        let cron = parse_ok("5 8-10,12,20-23/2 1,15,28 1-3,7 ? 2026-2028,2030");
        assert_eq!(values(&cron.hours), [8, 9, 10, 12, 20, 22]);
        assert_eq!(dates(&cron), [1, 15, 28]);
        assert_eq!(values(&cron.months), [1, 2, 3, 7]);
        assert_eq!(values(&cron.years), [2026, 2027, 2028, 2030]);
        assert_eq!(cron.hours.step, None, "a list is not a single increment");
    }

    #[test]
    fn long_ranges_select_every_value_in_them() {
        let years = parse_ok("0 0 1 1 ? 2000-2150").years;
        assert_eq!(years.count(), 151);
        assert_eq!(years.first(), 2000);
        assert_eq!(years.values().last(), Some(2150));
        assert!(years.contains(2033) && years.contains(2034) && years.contains(2097));
        assert!(!years.contains(1999) && !years.contains(2151));
        assert_eq!(values(&parse_ok("0 0 1 1 ? 2033-2034").years), [2033, 2034]);
        assert_eq!(values(&parse_ok("0 0 1 1 ? 2199-2199").years), [2199]);
        assert_eq!(parse_ok("0-59 0 * * ? *").minutes.count(), 60);
    }

    #[test]
    fn increments_start_at_the_given_value_and_run_to_the_end() {
        assert_eq!(values(&parse_ok("0 0/6 * * ? *").hours), [0, 6, 12, 18]);
        assert_eq!(values(&parse_ok("0 */8 * * ? *").hours), [0, 8, 16]);
        assert_eq!(values(&parse_ok("0 1/10 * * ? *").hours), [1, 11, 21]);
        assert_eq!(values(&parse_ok("0 5-17/5 * * ? *").hours), [5, 10, 15]);
        assert_eq!(dates(&parse_ok("0 0 */10 * ? *")), [1, 11, 21, 31]);
        assert_eq!(values(&parse_ok("0 0 1 */4 ? *").months), [1, 5, 9]);
        assert_eq!(weekdays(&parse_ok("0 0 ? * 2/2 *")), [2, 4, 6]);
        assert_eq!(
            values(&parse_ok("0 0 1 1 ? 2190/4").years),
            [2190, 2194, 2198]
        );
        assert_eq!(
            parse_ok("0 8-18/2 * * ? *").hours.step,
            Some(Step {
                from: 8,
                to: 18,
                every: 2
            })
        );
        assert_eq!(parse_ok("0 0/1 * * ? *").hours.step, None);
    }

    #[test]
    fn names_are_case_insensitive_and_work_in_ranges() {
        let cron = parse_ok("0 0 ? jan,Jul,DEC mon-FRI *");
        assert_eq!(values(&cron.months), [1, 7, 12]);
        assert_eq!(weekdays(&cron), [2, 3, 4, 5, 6]);
        assert_eq!(values(&parse_ok("0 0 1 FEB-APR/2 ? *").months), [2, 4]);
        assert_eq!(weekdays(&parse_ok("0 0 ? * SUN,7 *")), [1, 7]);
    }

    #[test]
    fn names_belong_to_their_field() {
        let diagnostic = error("0 0 ? MON * *");
        assert!(
            diagnostic.message.starts_with("The month field"),
            "{}",
            diagnostic.message
        );
        assert!(diagnostic.message.contains("\"MON\""));
        assert!(diagnostic.message.contains("JAN-DEC"));
        assert!(error("0 0 ? * JAN *").message.contains("SUN-SAT"));
        assert!(error("JAN 0 * * ? *")
            .message
            .starts_with("The minutes field"));
        assert!(error("0 0 * * ? X").message.starts_with("The year field"));
    }

    #[test]
    fn last_day_forms_in_day_of_month() {
        assert_eq!(
            parse_ok("0 0 L * ? *").days,
            Days::Last {
                offset: 0,
                weekday: false
            }
        );
        assert_eq!(
            parse_ok("0 0 l-3 * ? *").days,
            Days::Last {
                offset: 3,
                weekday: false
            }
        );
        assert_eq!(
            parse_ok("0 0 LW * ? *").days,
            Days::Last {
                offset: 0,
                weekday: true
            }
        );
        assert_eq!(
            parse_ok("0 0 L-2W * ? *").days,
            Days::Last {
                offset: 2,
                weekday: true
            }
        );
        assert_eq!(parse_ok("0 0 15W * ? *").days, Days::NearestWeekday(15));
        assert_eq!(parse_ok("0 0 1w * ? *").days, Days::NearestWeekday(1));
    }

    #[test]
    fn last_forms_in_day_of_week() {
        assert_eq!(weekdays(&parse_ok("0 0 ? * L *")), [7]);
        assert_eq!(parse_ok("0 0 ? * 5L *").days, Days::LastWeekday(5));
        assert_eq!(parse_ok("0 0 ? * friL *").days, Days::LastWeekday(6));
        assert_eq!(
            parse_ok("0 0 ? * 3#2 *").days,
            Days::Nth { weekday: 3, nth: 2 }
        );
        assert_eq!(
            parse_ok("0 0 ? * WED#5 *").days,
            Days::Nth { weekday: 4, nth: 5 }
        );
    }

    #[test]
    fn out_of_range_values_name_the_field_and_token() {
        for (text, field, token) in [
            ("60 0 * * ? *", "minutes", "60"),
            ("0 24 * * ? *", "hours", "24"),
            ("0 0 0 * ? *", "day-of-month", "0"),
            ("0 0 32 * ? *", "day-of-month", "32"),
            ("0 0 1 13 ? *", "month", "13"),
            ("0 0 ? * 0 *", "day-of-week", "0"),
            ("0 0 ? * 8 *", "day-of-week", "8"),
            ("0 0 1 1 ? 1969", "year", "1969"),
            ("0 0 1 1 ? 2200", "year", "2200"),
            (
                "0 0-99999999999999999999999 * * ? *",
                "hours",
                "0-99999999999999999999999",
            ),
            ("0 0 32W * ? *", "day-of-month", "32W"),
            ("0 0 ? * 8#1 *", "day-of-week", "8#1"),
            ("0 0 ? * 0L *", "day-of-week", "0L"),
        ] {
            let diagnostic = error(text);
            assert!(
                diagnostic
                    .message
                    .starts_with(&format!("The {field} field has \"{token}\"")),
                "{text}: {}",
                diagnostic.message
            );
            assert!(
                diagnostic.message.contains("values run from"),
                "{}",
                diagnostic.message
            );
            assert_eq!(diagnostic.params[0], ("field", field.into()));
            assert_eq!(diagnostic.params[1], ("token", token.into()));
        }
        assert!(error("0 0 ? * 0 *").message.contains("1 = Sunday"));
    }

    #[test]
    fn junk_tokens_say_what_the_field_accepts() {
        for (text, token) in [
            ("x 0 * * ? *", "x"),
            ("0 8h * * ? *", "8h"),
            ("0 -1 * * ? *", "-1"),
            ("0 +1 * * ? *", "+1"),
            ("0 1.5 * * ? *", "1.5"),
            ("0 1-2-3 * * ? *", "1-2-3"),
            ("0 /5 * * ? *", "/5"),
            ("0 ** * * ? *", "**"),
            ("0 0 15L * ? *", "15L"),
            ("0 0 L-x * ? *", "L-x"),
            ("0 0 ? * L-2 *", "L-2"),
            ("0 0 ? * 1-2#1 *", "1-2#1"),
        ] {
            let diagnostic = error(text);
            assert!(
                diagnostic.message.contains(&format!(
                    "has \"{token}\", which is not a value it accepts; use "
                )),
                "{text}: {}",
                diagnostic.message
            );
        }
    }

    #[test]
    fn empty_list_items_are_rejected() {
        for text in ["0 1,,2 * * ? *", "0 1, * * ? *", "0 ,1 * * ? *"] {
            assert!(error(text)
                .message
                .contains("has an empty item; remove the extra comma"));
        }
    }

    #[test]
    fn increments_must_be_positive_and_within_the_field() {
        for (text, limit) in [
            ("0/0 0 * * ? *", "59"),
            ("*/60 0 * * ? *", "59"),
            ("0-30/60 0 * * ? *", "59"),
            ("0 0/x * * ? *", "23"),
            ("0 0/ * * ? *", "23"),
            ("0 0/-1 * * ? *", "23"),
            ("0 0/1/2 * * ? *", "23"),
            ("0 0 */32 * ? *", "31"),
            ("0 0 1 1-6/13 ? *", "12"),
            ("0 0 ? * */8 *", "7"),
            ("0 0 1 1 ? 2000-2100/230", "229"),
        ] {
            let message = error(text).message;
            assert!(
                message.contains(&format!(
                    "the increment after / must be a whole number from 1 to {limit}"
                )),
                "{text}: {message}"
            );
        }
        assert_eq!(values(&parse_ok("0 0 1 1 ? 1970/229").years), [1970, 2199]);
    }

    #[test]
    fn a_single_start_with_a_step_beyond_the_range_selects_the_start_alone() {
        // `0/60` is a common way to write "hourly"; EventBridge and DataSync accept it.
        assert_eq!(values(&parse_ok("0/60 * * * ? *").minutes), [0]);
        assert_eq!(values(&parse_ok("30/60 * * * ? *").minutes), [30]);
        assert_eq!(parse_ok("30/60 * * * ? *").minutes.step, None);
        assert_eq!(values(&parse_ok("0 5/24 * * ? *").hours), [5]);
        assert_eq!(dates(&parse_ok("0 0 1/32 * ? *")), [1]);
        assert_eq!(values(&parse_ok("0 0 1 MAR/12 ? *").months), [3]);
        assert_eq!(values(&parse_ok("0 0 1 1 ? 2030/500").years), [2030]);
        assert_eq!(
            values(&parse_ok("0/99999999999999999999999 * * * ? *").minutes),
            [0]
        );
        // The start must still be in range.
        assert!(error("60/60 * * * ? *")
            .message
            .contains("run from 0 to 59"));
    }

    #[test]
    fn wrapping_ranges_run_past_the_end_as_in_quartz() {
        assert_eq!(values(&parse_ok("0 22-2 * * ? *").hours), [0, 1, 2, 22, 23]);
        assert_eq!(values(&parse_ok("0 20-4/3 * * ? *").hours), [2, 20, 23]);
        assert_eq!(
            values(&parse_ok("0 0 1 NOV-FEB ? *").months),
            [1, 2, 11, 12]
        );
        let message = error("0 0 1 1 ? 2030-2020").message;
        assert!(
            message.contains("\"2030-2020\", which runs backwards"),
            "{message}"
        );
        assert_eq!(values(&parse_ok("0 5-5 * * ? *").hours), [5]);
    }

    #[test]
    fn question_mark_only_alone_in_a_day_field() {
        let message = error("? 0 * * ? *").message;
        assert!(message.starts_with("The minutes field has \"?\", which only the day-of-month and day-of-week fields accept"), "{message}");
        assert!(error("0 0 * ? ? *")
            .message
            .starts_with("The month field has \"?\""));
        assert!(error("0 0 1 1 ? ?")
            .message
            .starts_with("The year field has \"?\""));
        assert!(error("0 1,? * * ? *")
            .message
            .starts_with("The hours field has \"?\""));
        let message = error("0 0 ?,1 * ? *").message;
        assert!(
            message.contains("combines \"?\" with other values"),
            "{message}"
        );
        assert!(error("0 0 ? * ?/2 *")
            .message
            .contains("\"?\" must be the whole field"));
    }

    #[test]
    fn letters_only_in_their_fields() {
        for (text, letter, place) in [
            (
                "L 0 * * ? *",
                "L",
                "the day-of-month and day-of-week fields",
            ),
            (
                "0 L * * ? *",
                "L",
                "the day-of-month and day-of-week fields",
            ),
            (
                "0 0 1 L ? *",
                "L",
                "the day-of-month and day-of-week fields",
            ),
            (
                "0 0 1 1 ? 5L",
                "L",
                "the day-of-month and day-of-week fields",
            ),
            ("0 0 ? * 5W *", "W", "the day-of-month field"),
            ("0 0 ? * LW *", "W", "the day-of-month field"),
            ("0 5W * * ? *", "W", "the day-of-month field"),
            ("0 0 3#2 * ? *", "#", "the day-of-week field"),
            ("0 0 1 3#2 ? *", "#", "the day-of-week field"),
        ] {
            let message = error(text).message;
            assert!(
                message.ends_with(&format!("but {letter} is only allowed in {place}.")),
                "{text}: {message}"
            );
        }
    }

    #[test]
    fn special_forms_must_stand_alone() {
        for (text, item) in [
            ("0 0 ? * 3#1,6#3 *", "3#1"),
            ("0 0 ? * 2,3#1 *", "3#1"),
            ("0 0 ? * 2,L *", "L"),
            ("0 0 ? * 5L,6 *", "5L"),
            ("0 0 L,15 * ? *", "L"),
            ("0 0 1,15W * ? *", "15W"),
            ("0 0 LW,1 * ? *", "LW"),
        ] {
            let message = error(text).message;
            assert!(
                message.contains(&format!("lists \"{item}\" with other values")),
                "{text}: {message}"
            );
            assert!(message.ends_with("must be the field's only expression."));
        }
    }

    #[test]
    fn hash_takes_a_week_number_from_one_to_five() {
        for text in [
            "0 0 ? * 3#0 *",
            "0 0 ? * 3#6 *",
            "0 0 ? * 3# *",
            "0 0 ? * 3#x *",
        ] {
            assert!(error(text)
                .message
                .contains("the number after # (which week of the month) must be from 1 to 5"));
        }
    }

    #[test]
    fn last_day_offset_runs_to_thirty() {
        assert!(error("0 0 L-31 * ? *")
            .message
            .contains("after L- must be from 0 to 30"));
        assert_eq!(
            parse_ok("0 0 L-30 * ? *").days,
            Days::Last {
                offset: 30,
                weekday: false
            }
        );
    }

    #[test]
    fn exactly_one_day_field_is_a_question_mark() {
        let both = error("0 8 ? * ? *");
        assert!(both
            .message
            .starts_with("The day-of-month and day-of-week fields are both \"?\""));
        assert_eq!(
            both.params,
            vec![("suggestion", "cron(0 8 * * ? *)".into())]
        );

        let neither = error("0 8 * * * *");
        assert!(
            neither
                .message
                .contains("set the day-of-week field to \"?\", as in \"cron(0 8 * * ? *)\""),
            "{}",
            neither.message
        );
        let neither = error("0 8 * * MON *");
        assert!(
            neither
                .message
                .contains("set the day-of-month field to \"?\", as in \"cron(0 8 ? * MON *)\""),
            "{}",
            neither.message
        );
        let neither = error("0 8 1 * MON *");
        assert!(
            neither
                .message
                .contains("set the one you do not need to \"?\""),
            "{}",
            neither.message
        );
        assert!(neither.params.is_empty());
    }

    #[test]
    fn each_bad_field_gets_its_own_error() {
        let diagnostics =
            parse(fields("60 24 * * ? *"), crate::diagnostic::fixed!("")).unwrap_err();
        assert_eq!(diagnostics.len(), 2);
        assert!(diagnostics[0].message.contains("minutes"));
        assert!(diagnostics[1].message.contains("hours"));
    }

    #[test]
    fn more_distinct_stepped_items_than_are_remembered_give_their_union() {
        // 4 * 58 stepped items, each a-b/n, beyond STEPPED_KEPT: those not
        // remembered are inserted again on a repeat, which changes nothing.
        let items: Vec<(u32, u32, u32)> = (0..2)
            .flat_map(|_| (2..6).flat_map(|every| (1..59).map(move |from| (from, 59, every))))
            .collect();
        assert!(items.len() > 2 * super::STEPPED_KEPT);
        let text: Vec<String> = items
            .iter()
            .map(|(from, to, every)| format!("{from}-{to}/{every}"))
            .collect();
        let Ok(Parsed::Values(field)) = parse_field(FieldKind::Minutes, &text.join(",")) else {
            panic!("the field parses");
        };
        let mut expected = [false; 60];
        for (from, to, every) in items {
            for value in (from..=to).step_by(every as usize) {
                expected[value as usize] = true;
            }
        }
        let expected: Vec<u32> = (0..60).filter(|&value| expected[value as usize]).collect();
        assert_eq!(field.values().collect::<Vec<_>>(), expected);
    }

    #[test]
    fn huge_fields_parse() {
        // Their time is measured by the benchmarks, never asserted here.
        let many = vec!["*/2"; 200_000].join(",");
        let years = vec!["1970-2199/3"; 50_000].join(",");
        let text = format!("0 0 {many} * ? {years}");
        let parts: Vec<&str> = text.split(' ').collect();
        let cron = parse(
            [parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]],
            crate::diagnostic::fixed!(""),
        )
        .unwrap();
        assert_eq!(dates(&cron).len(), 16);
        assert_eq!(cron.years.count(), 77);
    }
}
