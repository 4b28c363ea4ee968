//! The bearer token `sync` sends: from `--token-file` (Allegro's token
//! response as JSON, `{"access_token", "refresh_token", ...}`, or a file
//! holding the access token alone) or from `ALLEGRO_ACCESS_TOKEN`; with a
//! refresh token and the client's credentials (`ALLEGRO_CLIENT_ID`,
//! `ALLEGRO_CLIENT_SECRET`) it can be refreshed, and the token file is then
//! rewritten atomically, readable by its owner only. No text here ever
//! holds a token: errors name the file and the variable, never the value.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::sync::secret::Secret;

/// The variable holding an access token when no `--token-file` is given.
pub(crate) const TOKEN_VAR: &str = "ALLEGRO_ACCESS_TOKEN";
/// The variables holding the client's credentials (for a refresh).
pub(crate) const CLIENT_ID_VAR: &str = "ALLEGRO_CLIENT_ID";
/// See [`CLIENT_ID_VAR`].
pub(crate) const CLIENT_SECRET_VAR: &str = "ALLEGRO_CLIENT_SECRET";

/// The client's credentials, for the token endpoint.
#[derive(Debug, Clone)]
pub(crate) struct Credentials {
    pub(crate) id: Secret,
    pub(crate) secret: Secret,
}

impl Credentials {
    /// From `ALLEGRO_CLIENT_ID` and `ALLEGRO_CLIENT_SECRET`, when both are set.
    pub(crate) fn from_env() -> Option<Self> {
        let id = Secret::new(&std::env::var(CLIENT_ID_VAR).ok()?)?;
        let secret = Secret::new(&std::env::var(CLIENT_SECRET_VAR).ok()?)?;
        Some(Credentials { id, secret })
    }
}

/// The token and where it came from.
pub(crate) struct Token {
    pub(crate) access: Secret,
    pub(crate) refresh: Option<Secret>,
    /// The token file, rewritten after a refresh (`None`: the environment).
    file: Option<PathBuf>,
    /// The file's other fields, kept when it is rewritten.
    fields: Map<String, Value>,
}

impl std::fmt::Debug for Token {
    /// The file and the names of its fields: never a value (the file's
    /// fields hold the tokens themselves).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("access", &self.access)
            .field("refresh", &self.refresh)
            .field("file", &self.file)
            .field("fields", &self.fields.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Token {
    /// The token of `file`, or of `ALLEGRO_ACCESS_TOKEN`.
    pub(crate) fn load(file: Option<&Path>) -> Result<Self, String> {
        let Some(file) = file else {
            let text = std::env::var(TOKEN_VAR).unwrap_or_default();
            let access = Secret::new(&text).ok_or_else(|| {
                format!("no access token: give --token-file FILE or set {TOKEN_VAR}")
            })?;
            return Ok(Token {
                access,
                refresh: None,
                file: None,
                fields: Map::new(),
            });
        };
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read the token file {}: {e}", file.display()))?;
        let (access, refresh, fields) = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(fields)) => {
                let access = fields
                    .get("access_token")
                    .and_then(Value::as_str)
                    .and_then(Secret::new);
                let refresh = fields
                    .get("refresh_token")
                    .and_then(Value::as_str)
                    .and_then(Secret::new);
                (access, refresh, fields)
            }
            // Not a JSON object: the file holds the access token alone.
            _ => (Secret::new(&text), None, Map::new()),
        };
        let access = access.ok_or_else(|| {
            format!(
                "the token file {} holds no access token (`access_token`)",
                file.display()
            )
        })?;
        Ok(Token {
            access,
            refresh,
            file: Some(file.to_owned()),
            fields,
        })
    }

    /// `Bearer <token>`, for the Authorization header only.
    pub(crate) fn bearer(&self) -> String {
        format!("Bearer {}", self.access.expose())
    }

    /// Takes the token endpoint's answer (`access_token`, perhaps a new
    /// `refresh_token`) and rewrites the token file with it.
    pub(crate) fn renew(&mut self, answer: &str) -> Result<(), String> {
        let Ok(Value::Object(new)) = serde_json::from_str::<Value>(answer) else {
            return Err("the token endpoint's answer is not a JSON object".into());
        };
        let access = new
            .get("access_token")
            .and_then(Value::as_str)
            .and_then(Secret::new)
            .ok_or("the token endpoint's answer has no access_token")?;
        if let Some(refresh) = new
            .get("refresh_token")
            .and_then(Value::as_str)
            .and_then(Secret::new)
        {
            self.refresh = Some(refresh);
        }
        self.access = access;
        self.fields.extend(new);
        match &self.file {
            Some(file) => write_private(file, &Value::Object(self.fields.clone()).to_string()),
            None => Ok(()),
        }
    }
}

/// Writes `text` to `file` atomically (a file beside it, then a rename),
/// readable and writable by its owner only: a crash leaves the old file or
/// the new one, never half of one.
fn write_private(file: &Path, text: &str) -> Result<(), String> {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let fail = |e: std::io::Error| format!("cannot rewrite the token file {}: {e}", file.display());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let written = options.open(&temp).and_then(|mut f| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        f.write_all(text.as_bytes())?;
        f.write_all(b"\n")?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, file)) {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refreshed_token_is_written_whole_and_owner_only() {
        let dir = std::env::temp_dir().join(format!("sync-token-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("token.json");
        std::fs::write(
            &file,
            r#"{"access_token": "old-a", "refresh_token": "old-r", "scope": "x"}"#,
        )
        .unwrap();
        let mut token = Token::load(Some(&file)).unwrap();
        assert_eq!(token.refresh.as_ref().unwrap().expose(), "old-r");
        token
            .renew(r#"{"access_token": "new-a", "refresh_token": "new-r"}"#)
            .unwrap();
        let again = Token::load(Some(&file)).unwrap();
        assert_eq!(again.access.expose(), "new-a");
        assert_eq!(again.refresh.unwrap().expose(), "new-r");
        assert!(std::fs::read_to_string(&file)
            .unwrap()
            .contains("\"scope\""));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(!format!("{token:?}").contains("new-a"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_plain_token_file_holds_the_access_token_alone() {
        let dir = std::env::temp_dir().join(format!("sync-token-plain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("token");
        std::fs::write(&file, "abc\n").unwrap();
        let token = Token::load(Some(&file)).unwrap();
        assert_eq!(token.bearer(), "Bearer abc");
        assert!(token.refresh.is_none());
        std::fs::write(&file, "{}").unwrap();
        let err = Token::load(Some(&file)).unwrap_err();
        assert!(err.contains("no access token"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
