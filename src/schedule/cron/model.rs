//! The model of a parsed cron expression: which values each field selects
//! ([`Field`], a bit set per field), which days of a month run ([`Days`]), and
//! the whole expression ([`Cron`]). The grammar builds it; the checks, the
//! run-time search and the summary read it.

/// Which of the six fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldKind {
    Minutes,
    Hours,
    DayOfMonth,
    Month,
    DayOfWeek,
    Year,
}

const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
pub(super) const WEEKDAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// The first year a cron expression can select.
pub(crate) const FIRST_YEAR: u32 = 1970;
/// The last year a cron expression can select.
pub(crate) const LAST_YEAR: u32 = 2199;

impl FieldKind {
    /// The fields in expression order.
    pub(crate) const ALL: [FieldKind; 6] = [
        FieldKind::Minutes,
        FieldKind::Hours,
        FieldKind::DayOfMonth,
        FieldKind::Month,
        FieldKind::DayOfWeek,
        FieldKind::Year,
    ];

    /// The name used in messages: "the {label} field".
    pub(crate) fn label(self) -> &'static str {
        match self {
            FieldKind::Minutes => "minutes",
            FieldKind::Hours => "hours",
            FieldKind::DayOfMonth => "day-of-month",
            FieldKind::Month => "month",
            FieldKind::DayOfWeek => "day-of-week",
            FieldKind::Year => "year",
        }
    }

    pub(crate) fn min(self) -> u32 {
        match self {
            FieldKind::Minutes | FieldKind::Hours => 0,
            FieldKind::DayOfMonth | FieldKind::Month | FieldKind::DayOfWeek => 1,
            FieldKind::Year => FIRST_YEAR,
        }
    }

    pub(crate) fn max(self) -> u32 {
        match self {
            FieldKind::Minutes => 59,
            FieldKind::Hours => 23,
            FieldKind::DayOfMonth => 31,
            FieldKind::Month => 12,
            FieldKind::DayOfWeek => 7,
            FieldKind::Year => LAST_YEAR,
        }
    }

    /// Three-letter names, the first for value `min()`.
    pub(super) fn names(self) -> &'static [&'static str] {
        match self {
            FieldKind::Month => &MONTH_NAMES,
            FieldKind::DayOfWeek => &WEEKDAY_NAMES,
            _ => &[],
        }
    }

    /// The largest increment after `/`.
    pub(super) fn step_limit(self) -> u32 {
        match self {
            FieldKind::Year => LAST_YEAR - FIRST_YEAR,
            _ => self.max(),
        }
    }

    /// What the field accepts, for the end of a message.
    pub(super) fn accepts(self) -> &'static str {
        match self {
            FieldKind::Minutes => "numbers 0-59 with the wildcards , - * /",
            FieldKind::Hours => "numbers 0-23 with the wildcards , - * /",
            FieldKind::DayOfMonth => "numbers 1-31 with the wildcards , - * / ? L W",
            FieldKind::Month => "numbers 1-12 or JAN-DEC with the wildcards , - * /",
            FieldKind::DayOfWeek => {
                "numbers 1-7 (1 = Sunday) or SUN-SAT with the wildcards , - * / ? L #"
            }
            FieldKind::Year => "years 1970-2199 with the wildcards , - * /",
        }
    }
}

/// A set of small numbers (0-255), one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Bits([u64; 4]);

impl Bits {
    fn insert(&mut self, index: u32) {
        if let Some(word) = self.0.get_mut((index / 64) as usize) {
            *word |= 1 << (index % 64);
        }
    }

    /// Inserts `from..=to`, a word at a time.
    fn insert_range(&mut self, from: u32, to: u32) {
        for (word_index, word) in (0u32..).zip(self.0.iter_mut()) {
            let (word_first, word_last) = (word_index * 64, word_index * 64 + 63);
            let (low, high) = (from.max(word_first), to.min(word_last));
            if low <= high {
                *word |= (u64::MAX >> (63 - high % 64)) & (u64::MAX << (low % 64));
            }
        }
    }

    fn contains(&self, index: u32) -> bool {
        self.0
            .get((index / 64) as usize)
            .is_some_and(|word| word >> (index % 64) & 1 == 1)
    }

    /// The smallest member at or after `index`.
    fn next_from(&self, index: u32) -> Option<u32> {
        let mut word_index = (index / 64) as usize;
        let mut word = self.0.get(word_index)? & (u64::MAX << (index % 64));
        loop {
            if word != 0 {
                return Some(word_index as u32 * 64 + word.trailing_zeros());
            }
            word_index += 1;
            word = *self.0.get(word_index)?;
        }
    }

    fn count(&self) -> u32 {
        self.0.iter().map(|word| word.count_ones()).sum()
    }
}

/// One increment expression (`0/2`, `*/15`, `8-18/2`) that makes up a whole field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub from: u32,
    pub to: u32,
    pub every: u32,
}

/// The values one numeric field selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    kind: FieldKind,
    /// Bit `v - kind.min()` is set when value `v` is selected.
    bits: Bits,
    /// Set when the field is a single increment expression with an increment above 1.
    pub step: Option<Step>,
}

impl Field {
    pub(super) fn empty(kind: FieldKind) -> Field {
        Field {
            kind,
            bits: Bits::default(),
            step: None,
        }
    }

    pub(super) fn insert(&mut self, value: u32) {
        self.bits.insert(value - self.kind.min());
    }

    /// Inserts `from..=to` (both within the field).
    pub(super) fn insert_range(&mut self, from: u32, to: u32) {
        self.bits
            .insert_range(from - self.kind.min(), to - self.kind.min());
    }

    /// Whether `value` is selected.
    pub(crate) fn contains(&self, value: u32) -> bool {
        value >= self.kind.min() && self.bits.contains(value - self.kind.min())
    }

    /// The smallest selected value at or after `value`.
    pub(crate) fn next_from(&self, value: u32) -> Option<u32> {
        let min = self.kind.min();
        self.bits
            .next_from(value.saturating_sub(min))
            .map(|index| index + min)
            .filter(|&found| found <= self.kind.max())
    }

    /// The smallest selected value (every parsed field selects at least one).
    pub(crate) fn first(&self) -> u32 {
        self.next_from(self.kind.min()).unwrap_or(self.kind.min())
    }

    /// The selected values in ascending order.
    pub(crate) fn values(&self) -> impl Iterator<Item = u32> + '_ {
        let mut at = Some(self.kind.min());
        std::iter::from_fn(move || {
            let found = self.next_from(at?)?;
            at = found.checked_add(1);
            Some(found)
        })
    }

    /// How many values are selected.
    pub(crate) fn count(&self) -> u32 {
        self.bits.count()
    }

    /// Whether every value of the field is selected.
    pub(crate) fn is_all(&self) -> bool {
        self.count() == self.kind.max() - self.kind.min() + 1
    }
}

/// Which days of a month run: exactly one of the two day fields is `?`, so
/// one variant says it all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Days {
    /// Day-of-month values such as `1,15` or `*`.
    Dates(Field),
    /// `L` (offset 0), `L-3`; with `weekday`, `LW` and `L-3W`.
    Last { offset: u32, weekday: bool },
    /// `15W`: the weekday nearest the 15th, within the month.
    NearestWeekday(u32),
    /// Day-of-week values such as `MON-FRI`, `*` or `L` (Saturday).
    Weekdays(Field),
    /// `5L`: the last such weekday of the month.
    LastWeekday(u32),
    /// `3#2`: the `nth` such weekday of the month.
    Nth { weekday: u32, nth: u32 },
}

/// A parsed six-field cron expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cron {
    pub minutes: Field,
    pub hours: Field,
    pub days: Days,
    pub months: Field,
    pub years: Field,
}
