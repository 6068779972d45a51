//! The plain decimal numbers both grammars read: cron field values and
//! increments, the value of a rate, and Unix cron's weekday numbers.

/// A plain unsigned decimal number (digits only); saturates instead of overflowing.
pub(crate) fn parse_number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0u64, |value, byte| {
        value
            .saturating_mul(10)
            .saturating_add(u64::from(byte - b'0'))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_only_read_as_decimal_with_leading_zeros() {
        assert_eq!(parse_number("0"), Some(0));
        assert_eq!(parse_number("007"), Some(7));
        assert_eq!(parse_number("2199"), Some(2199));
        for text in ["", "-1", "+1", "1.5", " 1", "1 ", "x", "١"] {
            assert_eq!(parse_number(text), None, "{text:?}");
        }
    }

    #[test]
    fn numbers_beyond_64_bits_saturate() {
        assert_eq!(parse_number("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_number(&"9".repeat(1000)), Some(u64::MAX));
    }
}
