//! Plain-English summaries of parsed cron expressions, such as "At 08:00 UTC
//! on the first Wednesday of every month", and the English lists of selected
//! values that the checks' messages use ("April, June, September and
//! November"). A rate expression's summary is in `rate.rs`.
//!
//! A summary reads the selected values, not the text, so `1,15,28`, `1-3` and
//! `MON-FRI` read "1, 15 and 28", "1 through 3" and "Monday through Friday"
//! however they were written; a field that is one increment expression
//! (`0/2`) reads "every 2nd hour". Lists stay bounded: a field has at most 230
//! values, and runs of three or more consecutive values collapse to a range.

use super::model::{Cron, Days, Field, Step, LAST_YEAR};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const NTH: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];

impl Cron {
    /// "At 08:00 UTC on the first Wednesday of every month".
    pub(crate) fn summary(&self) -> String {
        let time = time_phrase(self);
        let separator = if time.ends_with("UTC") { " " } else { ", " };
        format!(
            "{time}{separator}{}{}",
            day_phrase(self),
            year_phrase(&self.years)
        )
    }
}

/// The minutes and hours: "At 08:00 UTC", "At minute 00 past every 2nd hour".
fn time_phrase(cron: &Cron) -> String {
    let (minutes, hours) = (&cron.minutes, &cron.hours);
    if minutes.count() == 1 {
        let minute = minutes.first();
        if let HourShape::List = hour_shape(hours) {
            let times: Vec<String> = hours.values().map(|hour| clock(hour, minute)).collect();
            return format!("At {} UTC", join(times));
        }
        return format!("At minute {minute:02} past {}", hour_scope(hours));
    }
    if minutes.is_all() {
        return if hours.is_all() {
            "Every minute".to_owned()
        } else {
            format!("Every minute of {}", hour_scope(hours))
        };
    }
    format!(
        "At minutes {} past {}",
        join(
            minutes
                .values()
                .map(|minute| format!("{minute:02}"))
                .collect()
        ),
        hour_scope(hours)
    )
}

/// How an hours field reads best.
enum HourShape {
    All,
    Step(Step),
    /// One stretch of three or more hours.
    Span(u32, u32),
    /// Anything else, including a single hour: listed as times.
    List,
}

fn hour_shape(hours: &Field) -> HourShape {
    if hours.is_all() {
        return HourShape::All;
    }
    if let Some(step) = hours.step.filter(|_| hours.count() > 1) {
        return HourShape::Step(step);
    }
    match runs(hours).as_slice() {
        [(first, last)] if last - first >= 2 => HourShape::Span(*first, *last),
        _ => HourShape::List,
    }
}

/// Which hours, after "past" or "of": "every hour", "hours 08 and 17 UTC".
fn hour_scope(hours: &Field) -> String {
    match hour_shape(hours) {
        HourShape::All => "every hour".to_owned(),
        HourShape::Step(step) if step.from == 0 && step.to == 23 => {
            format!("every {} hour", ordinal(step.every))
        }
        HourShape::Step(step) => format!(
            "every {} hour from {} through {} UTC",
            ordinal(step.every),
            clock(step.from, 0),
            clock(step.to, 0)
        ),
        HourShape::Span(first, last) => format!(
            "every hour from {} through {} UTC",
            clock(first, 0),
            clock(last, 0)
        ),
        HourShape::List if hours.count() == 1 => format!("hour {:02} UTC", hours.first()),
        HourShape::List => format!("hours {} UTC", list(hours, |hour| format!("{hour:02}"))),
    }
}

/// The days and months: "every day", "on the last Friday of January and July".
fn day_phrase(cron: &Cron) -> String {
    let months = &cron.months;
    let (of_months, in_months) = if months.is_all() {
        (" of every month".to_owned(), String::new())
    } else {
        let names = month_list(months);
        (format!(" of {names}"), format!(" in {names}"))
    };
    match &cron.days {
        Days::Dates(dates) | Days::Weekdays(dates) if dates.is_all() => {
            format!("every day{in_months}")
        }
        Days::Dates(dates) => match dates.step.filter(|_| dates.count() > 1) {
            Some(step) if step.from == 1 && step.to == 31 => {
                format!("on every {} day{of_months}", ordinal(step.every))
            }
            Some(step) => format!(
                "on every {} day from day {} through day {}{of_months}",
                ordinal(step.every),
                step.from,
                step.to
            ),
            None if dates.count() == 1 => format!("on day {}{of_months}", dates.first()),
            None => format!("on days {}{of_months}", list(dates, |day| day.to_string())),
        },
        Days::Last {
            offset: 0,
            weekday: false,
        } => format!("on the last day{of_months}"),
        Days::Last {
            offset: 0,
            weekday: true,
        } => format!("on the last weekday{of_months}"),
        Days::Last {
            offset,
            weekday: false,
        } => format!(
            "on the {} before the last day{of_months}",
            days_before(*offset)
        ),
        Days::Last {
            offset,
            weekday: true,
        } => format!(
            "on the weekday nearest the {} before the last day{of_months}",
            days_before(*offset)
        ),
        Days::NearestWeekday(day) => format!("on the weekday nearest day {day}{of_months}"),
        Days::Weekdays(weekdays) => format!("on {}{in_months}", list(weekdays, weekday_name)),
        Days::LastWeekday(weekday) => {
            format!("on the last {}{of_months}", weekday_name(*weekday))
        }
        Days::Nth { weekday, nth } => format!(
            "on the {} {}{of_months}",
            pick(&NTH, *nth),
            weekday_name(*weekday)
        ),
    }
}

/// "January and July", "every 3rd month".
fn month_list(months: &Field) -> String {
    match months.step.filter(|_| months.count() > 1) {
        Some(step) if step.from == 1 && step.to == 12 => {
            format!("every {} month", ordinal(step.every))
        }
        Some(step) => format!(
            "every {} month from {} through {}",
            ordinal(step.every),
            month_name(step.from),
            month_name(step.to)
        ),
        None => month_names(months),
    }
}

/// " in 2027", " in every 2nd year from 2026", or nothing for every year.
fn year_phrase(years: &Field) -> String {
    if years.is_all() {
        return String::new();
    }
    match years.step.filter(|_| years.count() > 1) {
        Some(step) if step.to == LAST_YEAR => {
            format!(" in every {} year from {}", ordinal(step.every), step.from)
        }
        Some(step) => format!(
            " in every {} year from {} through {}",
            ordinal(step.every),
            step.from,
            step.to
        ),
        None => format!(" in {}", numbers(years)),
    }
}

/// Month names, for messages: "April, June, September and November".
pub(crate) fn month_names(months: &Field) -> String {
    list(months, month_name)
}

/// Numbers, for messages: "1, 15 and 28", "29 through 31".
pub(crate) fn numbers(field: &Field) -> String {
    list(field, |value| value.to_string())
}

/// "day" for 1, else "3rd day": as in "the 3rd day before the last day".
fn days_before(offset: u32) -> String {
    if offset == 1 {
        "day".to_owned()
    } else {
        format!("{} day", ordinal(offset))
    }
}

fn clock(hour: u32, minute: u32) -> String {
    format!("{hour:02}:{minute:02}")
}

fn month_name(month: u32) -> String {
    pick(&MONTHS, month).to_owned()
}

fn weekday_name(weekday: u32) -> String {
    pick(&WEEKDAYS, weekday).to_owned()
}

/// The `number`th word of `words`, counting from 1 (empty if out of range).
fn pick(words: &[&'static str], number: u32) -> &'static str {
    (number as usize)
        .checked_sub(1)
        .and_then(|index| words.get(index))
        .copied()
        .unwrap_or_default()
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 101st, 111th.
fn ordinal(number: u32) -> String {
    let suffix = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{number}{suffix}")
}

/// Consecutive runs of the selected values, as (first, last).
fn runs(field: &Field) -> Vec<(u32, u32)> {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for value in field.values() {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == value => *last = value,
            _ => runs.push((value, value)),
        }
    }
    runs
}

/// The selected values as English: "1, 15 and 28", "Monday through Friday".
fn list(field: &Field, name: impl Fn(u32) -> String) -> String {
    let mut parts = Vec::new();
    for (first, last) in runs(field) {
        if last - first >= 2 {
            parts.push(format!("{} through {}", name(first), name(last)));
        } else {
            parts.extend((first..=last).map(&name));
        }
    }
    join(parts)
}

/// "a", "a and b", "a, b and c".
fn join(mut parts: Vec<String>) -> String {
    match parts.pop() {
        None => String::new(),
        Some(last) if parts.is_empty() => last,
        Some(last) => format!("{} and {last}", parts.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::grammar::parse;
    use super::*;

    fn summary(text: &str) -> String {
        let parts: Vec<&str> = text.split(' ').collect();
        parse(
            [parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]],
            crate::diagnostic::fixed!(""),
        )
        .expect(text)
        .summary()
    }

    #[test]
    fn the_required_examples() {
        assert_eq!(
            summary("0 8 ? * 4#1 *"),
            "At 08:00 UTC on the first Wednesday of every month"
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(summary("0 12 * * ? *"), "At 12:00 UTC every day");
        assert_eq!(
            summary("15 10 ? * MON-FRI *"),
            "At 10:15 UTC on Monday through Friday"
        );
        assert_eq!(
            summary("30 8,17 * * ? *"),
            "At 08:30 and 17:30 UTC every day"
        );
        assert_eq!(
            summary("0 1,2,5 * * ? *"),
            "At 01:00, 02:00 and 05:00 UTC every day"
        );
    }

    #[test]
    fn hourly_patterns() {
        assert_eq!(
            summary("0 0/2 * * ? *"),
            "At minute 00 past every 2nd hour, every day"
        );
        assert_eq!(
            summary("0 */3 * * ? *"),
            "At minute 00 past every 3rd hour, every day"
        );
        assert_eq!(
            summary("5 * * * ? *"),
            "At minute 05 past every hour, every day"
        );
        assert_eq!(
            summary("0 8-17 ? * MON-FRI *"),
            "At minute 00 past every hour from 08:00 through 17:00 UTC on Monday through Friday"
        );
        assert_eq!(
            summary("0 8-18/2 * * ? *"),
            "At minute 00 past every 2nd hour from 08:00 through 18:00 UTC every day"
        );
    }

    #[test]
    fn too_frequent_expressions_still_read() {
        assert_eq!(summary("* * * * ? *"), "Every minute, every day");
        assert_eq!(
            summary("* 8 * * ? *"),
            "Every minute of hour 08 UTC every day"
        );
        assert_eq!(
            summary("0/15 * * * ? *"),
            "At minutes 00, 15, 30 and 45 past every hour, every day"
        );
    }

    #[test]
    fn days_of_the_month() {
        assert_eq!(
            summary("0 9 L * ? *"),
            "At 09:00 UTC on the last day of every month"
        );
        assert_eq!(
            summary("0 9 LW * ? *"),
            "At 09:00 UTC on the last weekday of every month"
        );
        assert_eq!(
            summary("0 9 L-1 * ? *"),
            "At 09:00 UTC on the day before the last day of every month"
        );
        assert_eq!(
            summary("0 9 L-3 * ? *"),
            "At 09:00 UTC on the 3rd day before the last day of every month"
        );
        assert_eq!(
            summary("0 9 L-2W * ? *"),
            "At 09:00 UTC on the weekday nearest the 2nd day before the last day of every month"
        );
        assert_eq!(
            summary("0 6 15W * ? 2027"),
            "At 06:00 UTC on the weekday nearest day 15 of every month in 2027"
        );
        assert_eq!(
            summary("0 0 1,15,28 * ? *"),
            "At 00:00 UTC on days 1, 15 and 28 of every month"
        );
        assert_eq!(
            summary("0 0 1 * ? *"),
            "At 00:00 UTC on day 1 of every month"
        );
        assert_eq!(
            summary("0 0 1-3,5 * ? *"),
            "At 00:00 UTC on days 1 through 3 and 5 of every month"
        );
        assert_eq!(
            summary("0 0 */2 * ? *"),
            "At 00:00 UTC on every 2nd day of every month"
        );
        assert_eq!(
            summary("0 0 5/10 * ? *"),
            "At 00:00 UTC on every 10th day from day 5 through day 31 of every month"
        );
    }

    #[test]
    fn days_of_the_week() {
        assert_eq!(
            summary("0 18 ? JAN,JUL 6L *"),
            "At 18:00 UTC on the last Friday of January and July"
        );
        assert_eq!(
            summary("0 7 ? * 2#3 *"),
            "At 07:00 UTC on the third Monday of every month"
        );
        assert_eq!(
            summary("0 7 ? * MON,WED,FRI *"),
            "At 07:00 UTC on Monday, Wednesday and Friday"
        );
        assert_eq!(
            summary("0 7 ? * 1,7 *"),
            "At 07:00 UTC on Sunday and Saturday"
        );
        assert_eq!(summary("0 7 ? * L *"), "At 07:00 UTC on Saturday");
        assert_eq!(summary("0 7 ? * * *"), "At 07:00 UTC every day");
    }

    #[test]
    fn months_and_years() {
        assert_eq!(summary("0 7 * 3 ? *"), "At 07:00 UTC every day in March");
        assert_eq!(
            summary("0 7 1 1-3 ? *"),
            "At 07:00 UTC on day 1 of January through March"
        );
        assert_eq!(
            summary("0 7 1 */3 ? *"),
            "At 07:00 UTC on day 1 of every 3rd month"
        );
        assert_eq!(
            summary("0 7 ? 6-8 MON *"),
            "At 07:00 UTC on Monday in June through August"
        );
        assert_eq!(
            summary("0 7 1 1 ? 2027,2028"),
            "At 07:00 UTC on day 1 of January in 2027 and 2028"
        );
        assert_eq!(
            summary("0 7 1 1 ? 2026/2"),
            "At 07:00 UTC on day 1 of January in every 2nd year from 2026"
        );
        assert_eq!(
            summary("0 7 1 1 ? 2026-2030"),
            "At 07:00 UTC on day 1 of January in 2026 through 2030"
        );
    }

    #[test]
    fn ordinals() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (23, "23rd"),
            (101, "101st"),
            (111, "111th"),
        ];
        for (number, text) in cases {
            assert_eq!(ordinal(number), text);
        }
    }
}
