//! UTC calendar arithmetic for schedules: civil dates to and from day
//! numbers, weekdays, month lengths, and the instant text format
//! (`2026-12-02T08:00:00Z`) that `describe` prints and accepts.
//!
//! No time-zone database: every schedule time is UTC, and an offset in
//! [`parse_instant`] input is plain arithmetic.

/// Seconds in a day.
pub(crate) const SECONDS_PER_DAY: i64 = 86_400;

/// A minute of a UTC day: the granularity of cron schedules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Minute {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl Minute {
    /// 1970-01-01T00:00Z.
    pub(crate) const EPOCH: Minute = Minute {
        year: 1970,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
    };

    /// The minute that contains `unix`.
    pub(crate) fn containing(unix: i64) -> Minute {
        let days = unix.div_euclid(SECONDS_PER_DAY);
        let second_of_day = unix.rem_euclid(SECONDS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        // second_of_day is in 0..86_400, so both casts are lossless.
        Minute {
            year,
            month,
            day,
            hour: (second_of_day / 3600) as u32,
            minute: (second_of_day % 3600 / 60) as u32,
        }
    }

    /// Seconds since the epoch at the start of this minute.
    pub(crate) fn unix(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`). Valid for any year within ±10^15.
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` days after 1970-01-01, as (year, month 1-12, day 1-31).
/// Valid for any `days` a unix time in seconds can produce.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    // day_of_year is in 0..366 and shifted_month in 0..12: the casts are lossless.
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `year` has a 29 February.
pub(crate) fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in `month` (1-12) of `year`.
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day of the week in EventBridge numbering: 1 = Sunday … 7 = Saturday.
pub(crate) fn weekday(year: i64, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (5).
    (days_from_civil(year, month, day) + 4).rem_euclid(7) as u32 + 1
}

/// Formats unix seconds as `2026-12-02T08:00:00Z` (UTC). A year outside
/// 0000-9999 is written as `Date.prototype.toISOString` writes it, in ISO
/// 8601's expanded form: a sign and six digits (`+010240-08-27T13:00:00Z`).
pub fn format_instant(unix: i64) -> String {
    let minute = Minute::containing(unix);
    let year = if (0..10_000).contains(&minute.year) {
        format!("{:04}", minute.year)
    } else {
        format!("{:+07}", minute.year)
    };
    format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        minute.month,
        minute.day,
        minute.hour,
        minute.minute,
        unix.rem_euclid(60)
    )
}

/// The latest instant a JS `Date` holds, in unix seconds (8.64e15
/// milliseconds, ECMAScript's limit); the earliest is its negative.
pub const LATEST: i64 = 8_640_000_000_000;

/// Parses an ISO 8601 / RFC 3339 instant into unix seconds, refusing what
/// `new Date(text)` refuses (it is what a JS caller expects).
///
/// Accepted: a bare date `2026-11-25` (midnight UTC), or a date, `T` (or `t`
/// or one space), `HH:MM` or `HH:MM:SS` with optional fractional seconds
/// (`.` or `,` then digits; dropped, not rounded), and a zone: `Z`, `z`,
/// `+02:00`, `-0530` or `+02`. A time without a zone is rejected rather than
/// guessed. The year has four digits, or a sign and six (ISO 8601's expanded
/// form, as `Date.prototype.toISOString` writes years outside 0000-9999;
/// `-000000` is not a year there).
/// Returns `None` if the text is malformed, names a date or time that does
/// not exist (30 February, which V8's `Date` rolls over into March; hour 24,
/// which it reads as the next midnight; leap second 60), or the instant is
/// beyond the range of a JS `Date`
/// (±[`LATEST`] seconds; any nonzero fraction of a second after the last
/// one is beyond it: `+275760-09-13T00:00:00.5Z`).
pub fn parse_instant(text: &str) -> Option<i64> {
    let mut cursor = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let sign = match cursor.peek()? {
        b'+' => 1,
        b'-' => -1,
        _ => 0,
    };
    let year = if sign == 0 {
        cursor.digits(4)?
    } else {
        cursor.at += 1;
        let year = sign * cursor.digits(6)?;
        if year == 0 && sign < 0 {
            return None;
        }
        year
    };
    cursor.literal(b'-')?;
    let month = cursor.digits(2)?;
    cursor.literal(b'-')?;
    let day = cursor.digits(2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month as u32) as i64 {
        return None;
    }
    let date_seconds = days_from_civil(year, month as u32, day as u32) * SECONDS_PER_DAY;
    // Nonzero when the fraction of a second has a digit other than 0.
    let mut fraction = 0;
    let unix = if cursor.at_end() {
        date_seconds
    } else {
        match cursor.next()? {
            b'T' | b't' | b' ' => {}
            _ => return None,
        }
        let hour = cursor.digits(2)?;
        cursor.literal(b':')?;
        let minute = cursor.digits(2)?;
        let mut second = 0;
        if cursor.peek() == Some(b':') {
            cursor.literal(b':')?;
            second = cursor.digits(2)?;
            // A fraction only of the seconds: `new Date` refuses `08:00.5`
            // (ISO 8601's 08:00:30).
            if matches!(cursor.peek(), Some(b'.' | b',')) {
                cursor.at += 1;
                let start = cursor.at;
                while let Some(digit @ b'0'..=b'9') = cursor.peek() {
                    cursor.at += 1;
                    fraction |= i64::from(digit - b'0');
                }
                if cursor.at == start {
                    return None;
                }
            }
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let offset = cursor.zone()?;
        date_seconds + hour * 3600 + minute * 60 + second - offset
    };
    if !cursor.at_end() {
        return None;
    }
    // Any fraction of a second past the last instant is beyond it.
    let beyond = i64::from(fraction > 0 && unix == LATEST);
    (-LATEST..=LATEST)
        .contains(&(unix + beyond))
        .then_some(unix)
}

/// A byte reader for [`parse_instant`]; every method fails soft with `None`.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn literal(&mut self, expected: u8) -> Option<()> {
        (self.next()? == expected).then_some(())
    }

    /// Exactly `count` ASCII digits as a number (`count` is at most 6).
    fn digits(&mut self, count: usize) -> Option<i64> {
        let mut value = 0;
        for _ in 0..count {
            let byte = self.next()?;
            if !byte.is_ascii_digit() {
                return None;
            }
            value = value * 10 + i64::from(byte - b'0');
        }
        Some(value)
    }

    /// A zone designator, as seconds east of UTC.
    fn zone(&mut self) -> Option<i64> {
        let sign = match self.next()? {
            b'Z' | b'z' => return Some(0),
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let hours = self.digits(2)?;
        let minutes = match self.peek() {
            None => 0,
            Some(b':') => {
                self.at += 1;
                self.digits(2)?
            }
            Some(_) => self.digits(2)?,
        };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * (hours * 3600 + minutes * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip_over_four_centuries() {
        let mut days = days_from_civil(1970, 1, 1);
        assert_eq!(days, 0);
        for year in 1970..2400 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(days_from_civil(year, month, day), days);
                    assert_eq!(civil_from_days(days), (year, month, day));
                    days += 1;
                }
            }
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2028));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(2100));
        assert!(!is_leap_year(2027));
        assert_eq!(days_in_month(2028, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2026, 4), 30);
        assert_eq!(days_in_month(2026, 12), 31);
    }

    #[test]
    fn weekdays_count_from_sunday_as_one() {
        assert_eq!(weekday(1970, 1, 1), 5); // Thursday
        assert_eq!(weekday(2026, 11, 1), 1); // Sunday
        assert_eq!(weekday(2026, 11, 7), 7); // Saturday
        assert_eq!(weekday(2028, 2, 29), 3); // Tuesday
    }

    #[test]
    fn instants_format_in_utc() {
        assert_eq!(format_instant(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_instant(1_795_593_600), "2026-11-25T08:00:00Z");
        assert_eq!(format_instant(-1), "1969-12-31T23:59:59Z");
        // Extreme values do not panic.
        assert!(format_instant(i64::MAX).ends_with('Z'));
        assert!(format_instant(i64::MIN).ends_with('Z'));
    }

    #[test]
    fn instants_parse_with_zones_fractions_and_bare_dates() {
        let eight = Some(1_795_593_600);
        assert_eq!(parse_instant("2026-11-25T08:00:00Z"), eight);
        assert_eq!(parse_instant("2026-11-25t08:00:00z"), eight);
        assert_eq!(parse_instant("2026-11-25 08:00Z"), eight);
        assert_eq!(parse_instant("2026-11-25T08:00:00.999Z"), eight);
        assert_eq!(parse_instant("2026-11-25T08:00:00,5Z"), eight);
        assert_eq!(parse_instant("2026-11-25T10:00:00+02:00"), eight);
        assert_eq!(parse_instant("2026-11-25T02:30:00-0530"), eight);
        assert_eq!(parse_instant("2026-11-25T09:00:00+01"), eight);
        assert_eq!(parse_instant("2026-11-25"), Some(1_795_564_800));
        assert_eq!(parse_instant("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_instant("9999-12-31T23:59:59Z"),
            Some(days_from_civil(10_000, 1, 1) * SECONDS_PER_DAY - 1)
        );
    }

    #[test]
    fn instants_round_trip() {
        for unix in [0, 59, 951_782_400, 1_830_297_600, 4_102_444_799] {
            assert_eq!(parse_instant(&format_instant(unix)), Some(unix));
        }
    }

    #[test]
    fn malformed_or_out_of_range_instants_are_rejected() {
        for text in [
            "",
            "2026",
            "2026-11",
            "2026-1-25",
            "26-11-25",
            "2026-11-25T",
            "2026-11-25T08",
            "2026-11-25T08:00:00",
            "2026-11-25T08:00:00.Z",
            "2026-11-25T08:00:00Zjunk",
            "2026-11-25T08:00:00+2:00",
            "2026-11-25T08:00:00+24:00",
            "2026-11-25X08:00:00Z",
            "2026-13-01",
            "2026-00-10",
            "2027-02-29",
            "2026-04-31",
            "2026-11-25T24:00:00Z",
            "2026-11-25T08:60:00Z",
            "2026-11-25T08:00:60Z",
            "10000-01-01",
            "-2026-11-25",
            "+2026-11-25",
            "+10000-01-01",
            "+0010240-01-01",
            "２０２６-11-25",
        ] {
            assert_eq!(parse_instant(text), None, "{text:?}");
        }
        assert_eq!(parse_instant("2028-02-29"), Some(1_835_395_200));
    }

    #[test]
    fn instants_parse_over_the_range_of_a_js_date() {
        // What `new Date(ms).toISOString()` writes, for ms from -8.64e15 to
        // 8.64e15: four-digit years before 1970 too, and outside 0000-9999 a
        // sign and six digits.
        for (text, unix) in [
            ("1969-12-31T23:59:59Z", -1),
            ("1970-01-01T00:30:00+01:00", -1_800),
            ("1900-01-01T00:00:00.000Z", -2_208_988_800),
            ("0000-01-01T00:00:00.000Z", -62_167_219_200),
            ("-000001-01-01T00:00:00.000Z", -62_198_755_200),
            ("+010000-01-01T00:00:00.000Z", 253_402_300_800),
            ("+275760-09-13T00:00:00.000Z", LATEST),
            ("-271821-04-20T00:00:00.000Z", -LATEST),
            ("-271821-04-20T00:00:00.5Z", -LATEST),
        ] {
            assert_eq!(parse_instant(text), Some(unix), "{text}");
            assert_eq!(parse_instant(&format_instant(unix)), Some(unix), "{text}");
        }
        // One second, or a fraction of one, beyond is not a JS Date.
        for text in [
            "+275760-09-13T00:00:01Z",
            "+275760-09-12T23:00:01-01:00",
            "-271821-04-19T23:59:59Z",
            "+999999-12-31",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
    }

    /// Texts at the edges, with what `new Date(text)` (Node 20's V8) makes of
    /// them: `Some` of its `toISOString()` to the second (the fraction is
    /// dropped here), or `None` for Invalid Date.
    #[test]
    fn edges_are_refused_where_new_date_refuses_them() {
        let at = |text: &str| parse_instant(text).map(format_instant);
        for (text, date) in [
            // ISO 8601 and ECMAScript have no year -000000; +000000 is year 0.
            ("-000000-01-01T00:00:00Z", None),
            ("-000000-12-31T23:59:59Z", None),
            ("+000000-01-01T00:00:00Z", Some("0000-01-01T00:00:00Z")),
            // A JS Date ends at 8.64e15 ms: half a second (or one ms) past
            // the last instant is beyond it.
            ("+275760-09-13T00:00:00.5Z", None),
            ("+275760-09-13T00:00:00.001Z", None),
            ("+275760-09-13T01:00:00.5+01:00", None),
            (
                "+275760-09-13T00:00:00.000Z",
                Some("+275760-09-13T00:00:00Z"),
            ),
            ("-271821-04-19T23:59:59.999Z", None),
            ("-271821-04-20T00:00:00.5Z", Some("-271821-04-20T00:00:00Z")),
            // No leap seconds, not even on a day that had one.
            ("2026-11-25T23:59:60Z", None),
            ("2016-12-31T23:59:60Z", None),
            // Hour 24 past midnight (24:00 itself: see below).
            ("+275760-09-13T24:00:00Z", None),
            ("2026-11-25T24:00:01Z", None),
            ("2026-11-25T24:01Z", None),
            ("2026-11-25T24:00:00.001Z", None),
            ("2026-11-25T24:00:00.0001Z", None),
            ("2026-11-25T25:00:00Z", None),
            // Months 1-12; offsets up to 23:59 either way.
            ("2026-13-01T00:00:00Z", None),
            ("2026-00-10T00:00:00Z", None),
            ("2026-11-25T08:00:00+23:59", Some("2026-11-24T08:01:00Z")),
            ("2026-11-25T08:00:00+24:00", None),
            ("2026-11-25T08:00:00-24:00", None),
            ("2026-11-25T08:00:00+2400", None),
            ("2026-11-25T08:00:00+23:60", None),
            // A fraction only after the seconds: ISO 8601 reads `08:00.5`
            // as 08:00:30, `new Date` refuses it.
            ("2026-11-25T08:00.5Z", None),
            ("2026-11-25T08:00,5Z", None),
        ] {
            assert_eq!(at(text).as_deref(), date, "{text}");
        }
    }

    /// Where we decided against `new Date(text)` (the README says so).
    #[test]
    fn where_new_date_differs_the_choice_is_deliberate() {
        // V8 rolls a day the month does not have over into the next month
        // (2026-05-01, 2026-03-02, 2027-03-01): a mistake, refused here.
        for text in [
            "2026-04-31T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2027-02-29",
            "2026-04-31",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
        // ECMAScript and V8 read 24:00 as the next midnight; RFC 3339 and
        // ISO 8601-1:2019 have no hour 24, so it is refused: write 00:00 of
        // the next day. V8 also reads a time without a zone as local time, and
        // a bare year or year-month as its first day: refused, not guessed at.
        for text in [
            "2026-11-25T24:00:00Z",
            "2026-11-25T24:00Z",
            "2026-11-25T24:00:00.000Z",
            "2026-11-25T08:00:00",
            "2026",
            "2026-11",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
        // A Date keeps milliseconds, so it reads a tenth of one past its last
        // instant as that instant; refused here, as any nonzero fraction
        // there is (a byte-cheaper check, at the one instant it matters).
        assert_eq!(parse_instant("+275760-09-13T00:00:00.0009Z"), None);
        // ISO 8601 forms V8 refuses, accepted here: an hour-only offset and a
        // decimal comma.
        let eight = Some(1_795_593_600);
        assert_eq!(parse_instant("2026-11-25T09:00:00+01"), eight);
        assert_eq!(parse_instant("2026-11-25T08:00:00,5Z"), eight);
    }

    #[test]
    fn years_outside_four_digits_are_written_as_to_iso_string_writes_them() {
        assert_eq!(format_instant(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(format_instant(253_402_300_800), "+010000-01-01T00:00:00Z");
        assert_eq!(format_instant(LATEST), "+275760-09-13T00:00:00Z");
        assert_eq!(format_instant(-62_167_219_200), "0000-01-01T00:00:00Z");
        assert_eq!(format_instant(-62_167_219_201), "-000001-12-31T23:59:59Z");
        assert_eq!(format_instant(-LATEST), "-271821-04-20T00:00:00Z");
    }
}
