//! `badge-rules serve`: the flags read into the server's settings
//! ([`badge_rules_server::Config`]), the token from its file or the
//! environment, then the server run until SIGTERM.

use std::time::Duration;

use badge_rules_server::{Config, Token};

use crate::args::ServeArgs;
use crate::exit::{Fatal, EXIT_ACCEPT};

/// The environment variable a token may come from.
const TOKEN_VAR: &str = "BADGE_RULES_TOKEN";

pub(crate) fn run(args: &ServeArgs) -> Result<u8, Fatal> {
    let config = Config {
        addr: args.addr,
        token: token(args)?,
        insecure: args.insecure,
        ledger: args.ledger.clone(),
        body_limit: args.body_limit,
        read_timeout: Duration::from_secs(args.read_timeout),
        handler_timeout: Duration::from_secs(args.handler_timeout),
        max_in_flight: args.max_in_flight.max(1),
        shutdown_deadline: Duration::from_secs(args.shutdown_deadline),
        ..Config::default()
    };
    badge_rules_server::run(config).map_err(Fatal::Usage)?;
    Ok(EXIT_ACCEPT)
}

/// The token of `--token-file`, else of `BADGE_RULES_TOKEN`; an empty one
/// is an error (never its value in the message).
fn token(args: &ServeArgs) -> Result<Option<Token>, Fatal> {
    if let Some(path) = &args.token_file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Fatal::Io(format!(
                "cannot read the token file {}: {e}",
                path.display()
            ))
        })?;
        return Token::new(&text)
            .map(Some)
            .ok_or_else(|| Fatal::Usage(format!("the token file {} is empty", path.display())));
    }
    match std::env::var(TOKEN_VAR) {
        Ok(text) => Token::new(&text)
            .map(Some)
            .ok_or_else(|| Fatal::Usage(format!("{TOKEN_VAR} is set but empty"))),
        Err(_) => Ok(None),
    }
}
