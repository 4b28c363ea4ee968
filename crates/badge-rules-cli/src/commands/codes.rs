//! `badge-rules codes`: the catalogue of codes, for people or programs.

use std::io::{self, BufWriter, Write};

use badge_rules::catalogue::{self, Check};
use badge_rules::Lang;
use serde_json::{json, Value};

use crate::args::{CodesArgs, Format};
use crate::exit::{write_err, Fatal, EXIT_ACCEPT};

pub(crate) fn run(args: &CodesArgs) -> Result<u8, Fatal> {
    let lang: Lang = args.lang.into();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let rows: Vec<Value> = catalogue::ALL
                .iter()
                .map(|info| match info.check {
                    Check::Offline => json!({
                        "code": info.code.as_str(),
                        "check": "offline",
                        "text": info.text(lang),
                    }),
                    Check::ServerOnly { reason } => json!({
                        "code": info.code.as_str(),
                        "check": "server-only",
                        "reason": reason,
                        "text": info.text(lang),
                    }),
                })
                .collect();
            let text = serde_json::to_string_pretty(&rows)
                .map_err(|e| Fatal::Io(format!("cannot write the catalogue: {e}")))?;
            writeln!(out, "{text}").map_err(|e| write_err(&e))?;
        }
        Format::Text => {
            let width = catalogue::ALL
                .iter()
                .map(|info| info.code.as_str().len())
                .max()
                .unwrap_or(0);
            for info in catalogue::ALL {
                let code = info.code.as_str();
                match info.check {
                    Check::Offline => writeln!(out, "{code:<width$}  offline      {}", info.text(lang)),
                    Check::ServerOnly { reason } => writeln!(
                        out,
                        "{code:<width$}  server-only  {}\n{:<width$}               (server-only: {reason})",
                        info.text(lang),
                        ""
                    ),
                }
                .map_err(|e| write_err(&e))?;
            }
            let offline = catalogue::ALL
                .iter()
                .filter(|info| info.check.is_offline())
                .count();
            writeln!(
                out,
                "{} codes: {offline} checked offline, {} server-only.",
                catalogue::ALL.len(),
                catalogue::ALL.len() - offline
            )
            .map_err(|e| write_err(&e))?;
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    Ok(EXIT_ACCEPT)
}
