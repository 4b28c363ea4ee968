//! Arbitrary bytes as an input of `badge-rules plan`, cut into items by the
//! CLI's reader ([`badge_rules_cli::items::Items`]): every byte read and
//! counted; no item blank; every byte that is not whitespace in exactly one
//! item, in order; items' lines rising; and where the input is JSON values
//! one after another (objects or arrays, the first over several lines),
//! the items are those values, as serde's stream reader reads them.

use badge_rules_cli::items::Items;
use serde_json::Value;

/// The target's body.
pub fn run(data: &[u8]) {
    let mut items = Items::new(data);
    let mut cut: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut bytes = 0;
    let total_lines = data.split(|b| *b == b'\n').count();
    loop {
        let mut buf = Vec::new();
        let Some(line) = items.next_into(&mut buf, &mut bytes).unwrap() else {
            assert!(
                buf.iter().all(u8::is_ascii_whitespace),
                "bytes left after the last item"
            );
            break;
        };
        assert!(
            !buf.iter().all(u8::is_ascii_whitespace),
            "a blank item at line {line}"
        );
        assert!(
            line >= 1 && line <= total_lines,
            "line {line} of {total_lines}"
        );
        if let Some((last, _)) = cut.last() {
            assert!(line >= *last, "line {line} after line {last}");
        }
        cut.push((line, buf));
        assert!(cut.len() <= data.len(), "more items than bytes");
    }
    assert_eq!(bytes, data.len() as u64, "bytes counted");
    let solid = |b: &[u8]| -> Vec<u8> {
        b.iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect()
    };
    let joined: Vec<u8> = cut.iter().flat_map(|(_, item)| solid(item)).collect();
    assert_eq!(joined, solid(data), "the items are not the input");
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let values: Result<Vec<Value>, _> = serde_json::Deserializer::from_str(text)
        .into_iter()
        .collect();
    let Ok(values) = values else { return };
    // The first value over several lines: the file is not JSON Lines.
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<serde::de::IgnoredAny>();
    let _ = stream.next();
    let start = text.len() - text.trim_start().len();
    let first_multiline = text
        .get(start..stream.byte_offset())
        .is_some_and(|v| v.contains('\n'));
    if first_multiline && values.iter().all(|v| v.is_object() || v.is_array()) {
        let read: Vec<Value> = cut
            .iter()
            .map(|(_, item)| serde_json::from_slice(item).unwrap())
            .collect();
        assert_eq!(read, values, "not the values serde reads");
    }
}
