//! RFC 6901 JSON Pointers: building them from member names and list indexes.

/// Appends one reference token to `pointer`, escaping `~` as `~0` and `/` as `~1`.
pub fn push(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.bytes().any(|byte| byte == b'~' || byte == b'/') {
        pointer.push_str(token);
        return;
    }
    for ch in token.chars() {
        match ch {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Appends a list index as a reference token, without formatting machinery.
pub fn push_index(pointer: &mut String, index: usize) {
    pointer.push('/');
    // Digits are found last first; 20 places hold any 64-bit index.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = index;
    loop {
        at = at.saturating_sub(1);
        if let Some(slot) = digits.get_mut(at) {
            *slot = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in digits.get(at..).unwrap_or_default() {
        pointer.push(char::from(digit));
    }
}

/// A pointer extended by one token.
pub fn join(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    push(&mut out, token);
    out
}

/// The pointer naming the path `segments` from the root (`""` when empty).
pub fn from_segments<'a>(segments: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for segment in segments {
        push(&mut out, segment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        assert_eq!(from_segments(["a/b", "m~n", "0"]), "/a~1b/m~0n/0");
        assert_eq!(from_segments([]), "");
        assert_eq!(join("/Tags", "3"), "/Tags/3");
        for index in [0, 7, 10, 49, 1_000, usize::MAX] {
            let mut pointer = String::from("/Tags");
            push_index(&mut pointer, index);
            assert_eq!(pointer, format!("/Tags/{index}"));
        }
    }
}
