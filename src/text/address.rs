//! Where a web address typed in a text may break across lines: after its own punctuation,
//! so that a print breaks it inside itself rather than sending it whole to the next line and
//! stretching the line before it, and never inside a run of letters or digits.

/// The characters a web address is made of (RFC 3986), `%` escapes included.
fn in_address(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c)
}

/// After these a line may break inside an address.
fn breaks_after(c: char) -> bool {
    "/.?&=-_#:".contains(c)
}

/// The byte offsets in `s` where a line may break inside a web address (one that starts
/// with `http://`, `https://` or `www.`): after each of its marks `/ . ? & = - _ # :` that is
/// followed by more of the address, but not inside its `://`. An address ends at the first
/// character that cannot be in one, so a full stop typed after it (`。`) is not part of it,
/// nor a `.` or `,` that ends it.
pub fn breaks(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(found) = start(&s[rest..]) {
        let from = rest + found;
        let len = s[from..]
            .find(|c: char| !in_address(c))
            .unwrap_or(s.len() - from);
        let address = s[from..from + len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let scheme = address.find("://").map_or(0, |i| i + 3);
        for (i, c) in address.char_indices() {
            let next = i + c.len_utf8();
            if next >= scheme && next < address.len() && breaks_after(c) {
                out.push(from + next);
            }
        }
        rest = from + len.max(1);
    }
    out
}

/// Where the next address in `s` starts.
fn start(s: &str) -> Option<usize> {
    ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| s.find(p))
        .min()
}

/// `s` with `mark` put at each of its [`breaks`].
pub fn marked(s: &str, mark: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for at in breaks(s) {
        out.push_str(&s[last..at]);
        out.push_str(mark);
        last = at;
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_breaks_after_its_marks_and_not_inside_its_scheme() {
        assert_eq!(
            marked("详见https://www.gov.cn/a_b/c?d=1&e-f#g。", "|"),
            "详见https://|www.|gov.|cn/|a_|b/|c?|d=|1&|e-|f#|g。"
        );
        assert_eq!(marked("见 www.sc.gov.cn.", "|"), "见 www.|sc.|gov.|cn.");
        assert_eq!(
            marked("http://a/b，又见https://c.d", "|"),
            "http://|a/|b，又见https://|c.|d"
        );
    }

    #[test]
    fn text_without_an_address_has_no_breaks() {
        for s in [
            "",
            "办件量5120件",
            "a.b/c",
            "http:/",
            "https://",
            "2023.10.13",
        ] {
            assert_eq!(breaks(s), [] as [usize; 0], "{s}");
        }
        // Digits and letters between marks stay together.
        assert_eq!(
            marked("https://x.cn/511A0099400001", "|"),
            "https://|x.|cn/|511A0099400001"
        );
    }
}
