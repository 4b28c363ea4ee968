//! `badge-rules terms`: the built-in terms of a campaign id.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use serde_json::Value;

use crate::args::{Format, TermsArgs};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT};

pub(crate) fn run(args: &TermsArgs) -> Result<u8, Fatal> {
    let terms = badge_rules::terms::built_in(&args.id);
    let value = serde_json::to_value(&terms)
        .map_err(|e| Fatal::Io(format!("cannot write the terms: {e}")))?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&value)
                .map_err(|e| Fatal::Io(format!("cannot write the terms: {e}")))?;
            writeln!(out, "{text}").map_err(|e| write_err(&e))?;
        }
        Format::Text => {
            let own = badge_rules::terms::BUILT_IN_IDS.contains(&args.id.as_str());
            let mut s = String::new();
            let _ = writeln!(
                s,
                "Built-in terms of {}{}:",
                args.id,
                if own {
                    ""
                } else {
                    " (no terms of its own: the defaults of any campaign)"
                }
            );
            flatten(&value, "", &mut s);
            out.write_all(s.as_bytes()).map_err(|e| write_err(&e))?;
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    Ok(EXIT_ACCEPT)
}

/// One `path: value` line per leaf of `value`.
fn flatten(value: &Value, prefix: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(inner, &path, out);
            }
        }
        Value::String(text) => {
            let _ = writeln!(out, "  {prefix}: {text}");
        }
        other => {
            let _ = writeln!(out, "  {prefix}: {other}");
        }
    }
}
