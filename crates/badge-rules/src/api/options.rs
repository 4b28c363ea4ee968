//! The options of each entry point, owned here so that both adapters read
//! the same type: the CLI builds them from its arguments, the npm package
//! has the core read them from the options object as JSON text
//! ([`CheckOptions::from_json`], [`PlanOptions::from_json`],
//! [`lang_options`]). A bad option is an [`OptionsError`] naming its path
//! (`options.lang`), with a stable code and its figures.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::allegro::allegro_response;
use super::check::{check_bytes, report_line};
use crate::error::ErrorCode;
use crate::plan::{PlanContext, PlanError, Planner, PriceRule};
use crate::{InputError, Lang, Options, FALLBACK_TAGS};

/// How `check` answers (the CLI's `check`, the npm package's `check` and
/// `checkJson`): messages in `messages`' language, and the report or
/// Allegro's answer predicted.
///
/// As JSON, `{"lang": tag, "format": "report" | "allegro"}`, every field
/// optional (`null` is the default too); other fields are not read.
///
/// ```
/// use badge_rules::api::{AnswerFormat, CheckOptions};
/// use badge_rules::{Lang, Options};
/// let options = CheckOptions::from_json(r#"{"lang": "pl-PL", "format": "allegro"}"#).unwrap();
/// assert_eq!(options, CheckOptions { messages: Options::new(Lang::Pl), format: AnswerFormat::Allegro });
/// assert_eq!(CheckOptions::from_json("null").unwrap(), CheckOptions::default());
/// // The same through serde.
/// let options: CheckOptions = serde_json::from_str(r#"{"format": "report"}"#).unwrap();
/// assert_eq!(options.format, AnswerFormat::Report);
///
/// let err = CheckOptions::from_json(r#"{"format": "json"}"#).unwrap_err();
/// assert_eq!((err.path.as_str(), err.code.as_str()), ("options.format", "UNKNOWN_VALUE"));
/// assert_eq!(err.message, r#"options.format must be "report" (the default) or "allegro""#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "RawOptions")]
pub struct CheckOptions {
    /// The language of messages (`lang`).
    pub messages: Options,
    /// What to answer with (`format`).
    pub format: AnswerFormat,
}

/// What a check answers with.
///
/// ```
/// use badge_rules::api::{AnswerFormat, CheckOptions};
/// use badge_rules::Options;
/// let line = AnswerFormat::Allegro.line(br#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#, &Options::default());
/// assert!(line.starts_with(r#"{"verdict":"ACCEPT","outcome":"#));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AnswerFormat {
    /// `"report"` (the default): the report ([`report_line`]).
    #[default]
    Report,
    /// `"allegro"`: Allegro's answer predicted ([`allegro_response`]).
    Allegro,
}

impl AnswerFormat {
    /// The line that answers a document in this format, or its input error's
    /// line: [`answer_line`](super::check::answer_line) or
    /// [`allegro_line`](super::allegro::allegro_line), as a function the CLI's
    /// `--jsonl` pipeline calls for each line.
    ///
    /// ```
    /// use badge_rules::api::{self, AnswerFormat};
    /// use badge_rules::Options;
    /// let answer = AnswerFormat::Report.line_fn();
    /// assert_eq!(answer(b"{", &Options::default()), api::answer_line(b"{", &Options::default()));
    /// ```
    pub fn line_fn(self) -> fn(&[u8], &Options) -> String {
        match self {
            AnswerFormat::Report => super::check::answer_line,
            AnswerFormat::Allegro => super::allegro::allegro_line,
        }
    }

    /// [`AnswerFormat::line_fn`] appending its line to a buffer:
    /// [`answer_line_into`](super::check::answer_line_into) or
    /// [`allegro_line_into`](super::allegro::allegro_line_into), the same
    /// bytes without a `String` per line.
    ///
    /// ```
    /// use badge_rules::api::AnswerFormat;
    /// use badge_rules::Options;
    /// for format in [AnswerFormat::Report, AnswerFormat::Allegro] {
    ///     let mut out = Vec::new();
    ///     format.line_into_fn()(b"{", &Options::default(), &mut out);
    ///     assert_eq!(out, format.line(b"{", &Options::default()).into_bytes());
    /// }
    /// ```
    pub fn line_into_fn(self) -> fn(&[u8], &Options, &mut Vec<u8>) {
        match self {
            AnswerFormat::Report => super::check::answer_line_into,
            AnswerFormat::Allegro => super::allegro::allegro_line_into,
        }
    }

    /// [`AnswerFormat::line_fn`] of `bytes`.
    pub fn line(self, bytes: &[u8], options: &Options) -> String {
        self.line_fn()(bytes, options)
    }

    /// The answer's line when the document can be checked; its input error
    /// otherwise (what the npm package's `check` throws).
    ///
    /// ```
    /// use badge_rules::api::AnswerFormat;
    /// use badge_rules::Options;
    /// let doc = br#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#;
    /// assert!(AnswerFormat::Report.answer(doc, &Options::default()).unwrap().starts_with(r#"{"verdict":"ACCEPT""#));
    /// assert!(AnswerFormat::Allegro.answer(b"[", &Options::default()).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// Any [`InputError`] of [`check_bytes`].
    pub fn answer(self, bytes: &[u8], options: &Options) -> Result<String, InputError> {
        match self {
            AnswerFormat::Report => check_bytes(bytes, options).map(|r| report_line(&r)),
            // What `allegro_line` writes for a response.
            AnswerFormat::Allegro => allegro_response(bytes, options)
                .map(|r| serde_json::to_string(&r).unwrap_or_default()),
        }
    }
}

/// How to plan (the CLI's `plan`, the npm package's `plan` and `planCsv`):
/// messages in `messages`' language, the campaigns to plan (none: every
/// campaign the context shows open), the price rule.
///
/// As JSON, `{"lang": tag, "campaigns": [id, ...], "price": "highest" |
/// "lowest" | "discount=N"}`, every field optional.
///
/// ```
/// use badge_rules::api::PlanOptions;
/// use badge_rules::plan::{PlanContext, PriceRule};
/// let options = PlanOptions::from_json(r#"{"campaigns": ["HIT"], "price": "discount=40"}"#).unwrap();
/// assert_eq!((options.campaigns.as_slice(), options.price), (&["HIT".to_owned()][..], PriceRule::Discount(4000)));
/// let context = PlanContext::from_json(r#"{"campaigns": [{"id": "HIT"}]}"#).unwrap();
/// assert_eq!(options.planner(&context).unwrap().campaign_ids().collect::<Vec<_>>(), ["HIT"]);
///
/// let err = PlanOptions::from_json(r#"{"campaigns": ["HIT", 7]}"#).unwrap_err();
/// assert_eq!((err.path.as_str(), err.code.as_str()), ("options.campaigns[1]", "WRONG_TYPE"));
/// assert_eq!(err.params, [("expected", "a string".to_owned()), ("found", "number".to_owned())]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "RawOptions")]
pub struct PlanOptions {
    /// The language of messages (`lang`).
    pub messages: Options,
    /// The campaigns to plan (`campaigns`).
    pub campaigns: Vec<String>,
    /// The bargain price to propose (`price`).
    pub price: PriceRule,
}

impl PlanOptions {
    /// The planner of `context` with these options ([`Planner::new`]).
    ///
    /// # Errors
    ///
    /// As [`Planner::new`].
    pub fn planner<'c>(&self, context: &'c PlanContext) -> Result<Planner<'c>, PlanError> {
        Planner::new(context, &self.campaigns, self.price, self.messages)
    }
}

/// A bad option: where (`options.lang`), a stable code (`WRONG_TYPE`,
/// `UNKNOWN_VALUE`), its figures and a one-line message.
///
/// ```
/// let err = badge_rules::api::CheckOptions::from_json(r#"{"lang": "de"}"#).unwrap_err();
/// assert_eq!(err.to_string(), err.message);
/// assert_eq!(err.params[0], ("value", "de".to_owned()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    /// The option's path: `options`, `options.lang`, `options.campaigns[2]`.
    pub path: String,
    /// Its stable code.
    pub code: ErrorCode,
    /// Its figures: `expected` and `found`, or `value` and `allowed`.
    pub params: Vec<(&'static str, String)>,
    /// The message, one line.
    pub message: String,
}

impl OptionsError {
    /// A value of the wrong type at `path`: WRONG_TYPE with `expected` and
    /// `found` (a JavaScript `typeof`, `null` or `an array`).
    ///
    /// ```
    /// let err = badge_rules::api::OptionsError::wrong_type("options must be an object", "options", "an object", "string");
    /// assert_eq!(err.code.as_str(), "WRONG_TYPE");
    /// ```
    pub fn wrong_type(message: &str, path: &str, expected: &str, found: &str) -> Self {
        OptionsError {
            path: path.to_owned(),
            code: ErrorCode::WrongType,
            params: vec![
                ("expected", expected.to_owned()),
                ("found", found.to_owned()),
            ],
            message: message.to_owned(),
        }
    }

    /// A value that is none of the allowed ones: UNKNOWN_VALUE with `value`
    /// and `allowed`.
    fn unknown_value(message: String, path: &str, value: &str, allowed: &str) -> Self {
        OptionsError {
            path: path.to_owned(),
            code: ErrorCode::UnknownValue,
            params: vec![("value", value.to_owned()), ("allowed", allowed.to_owned())],
            message,
        }
    }

    /// Options that are not an object: `found` is what they are.
    ///
    /// ```
    /// let err = badge_rules::api::OptionsError::not_an_object("string");
    /// assert_eq!((err.path.as_str(), err.message.as_str()), ("options", r#"options must be an object such as {lang: "pl"}"#));
    /// ```
    pub fn not_an_object(found: &str) -> Self {
        OptionsError::wrong_type(
            "options must be an object such as {lang: \"pl\"}",
            "options",
            "an object",
            found,
        )
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionsError {}

impl CheckOptions {
    /// Reads the options from JSON text: `lang`, then `format`.
    ///
    /// # Errors
    ///
    /// The [`OptionsError`] of the first bad option.
    pub fn from_json(text: &str) -> Result<Self, OptionsError> {
        read(text)?.try_into()
    }
}

impl PlanOptions {
    /// Reads the options from JSON text: `lang`, then `campaigns`, then
    /// `price`.
    ///
    /// # Errors
    ///
    /// The [`OptionsError`] of the first bad option.
    pub fn from_json(text: &str) -> Result<Self, OptionsError> {
        read(text)?.try_into()
    }
}

/// The options of an entry point that reads only `lang` (the npm package's
/// `allegroResponse`), from JSON text.
///
/// ```
/// use badge_rules::{api, Lang, Options};
/// assert_eq!(api::lang_options(r#"{"lang": "pl", "format": 5}"#).unwrap(), Options::new(Lang::Pl));
/// ```
///
/// # Errors
///
/// The [`OptionsError`] of a bad `lang`.
pub fn lang_options(text: &str) -> Result<Options, OptionsError> {
    read(text)?.messages()
}

/// The options as JSON text reads them; `null` and an array (whose fields
/// are none) are no options.
fn read(text: &str) -> Result<RawOptions, OptionsError> {
    match serde_json::from_str::<Loose>(text) {
        Ok(Loose::Null | Loose::List(_)) => Ok(RawOptions::default()),
        Ok(Loose::Text(_)) => Err(OptionsError::not_an_object("string")),
        Ok(Loose::Other("object")) => {
            serde_json::from_str(text).map_err(|e| not_json(&e.to_string()))
        }
        Ok(Loose::Other(found)) => Err(OptionsError::not_an_object(found)),
        Err(e) => Err(not_json(&e.to_string())),
    }
}

/// Text that is not JSON: INVALID_VALUE.
fn not_json(detail: &str) -> OptionsError {
    OptionsError {
        path: "options".into(),
        code: ErrorCode::InvalidValue,
        params: vec![("detail", detail.to_owned())],
        message: format!("options cannot be read as JSON: {detail}"),
    }
}

/// Every option as read, before its checks.
#[derive(Default, Deserialize)]
struct RawOptions {
    #[serde(default)]
    lang: Loose,
    #[serde(default)]
    format: Loose,
    #[serde(default)]
    campaigns: Loose,
    #[serde(default)]
    price: Loose,
}

impl RawOptions {
    /// `lang`: a language tag, Allegro's Accept-Language tags included.
    fn messages(&self) -> Result<Options, OptionsError> {
        let tag = match &self.lang {
            Loose::Null => return Ok(Options::default()),
            Loose::Text(tag) => tag,
            other => {
                return Err(OptionsError::wrong_type(
                    "options.lang must be a language tag string",
                    "options.lang",
                    "a language tag string",
                    other.found(),
                ))
            }
        };
        Options::from_tag(tag).map_err(|e| {
            let languages: Vec<&str> = Lang::ALL.iter().map(|l| l.as_str()).collect();
            let allowed = format!(
                "{}, en-US, pl-PL, {}",
                languages.join(", "),
                FALLBACK_TAGS.join(", ")
            );
            OptionsError::unknown_value(format!("options.lang: {e}"), "options.lang", tag, &allowed)
        })
    }

    /// `format`.
    fn format(&self) -> Result<AnswerFormat, OptionsError> {
        match &self.format {
            Loose::Null => Ok(AnswerFormat::Report),
            Loose::Text(t) if t == "report" => Ok(AnswerFormat::Report),
            Loose::Text(t) if t == "allegro" => Ok(AnswerFormat::Allegro),
            other => Err(OptionsError::unknown_value(
                "options.format must be \"report\" (the default) or \"allegro\"".into(),
                "options.format",
                match other {
                    Loose::Text(t) => t,
                    _ => "",
                },
                "report, allegro",
            )),
        }
    }

    /// `campaigns`: campaign ids.
    fn campaigns(&self) -> Result<Vec<String>, OptionsError> {
        const MESSAGE: &str = "options.campaigns must be an array of campaign ids";
        let list = match &self.campaigns {
            Loose::Null => return Ok(Vec::new()),
            Loose::List(list) => list,
            other => {
                return Err(OptionsError::wrong_type(
                    MESSAGE,
                    "options.campaigns",
                    "an array of strings",
                    other.found(),
                ))
            }
        };
        list.iter()
            .enumerate()
            .map(|(i, id)| match id {
                Loose::Text(id) => Ok(id.clone()),
                other => Err(OptionsError::wrong_type(
                    MESSAGE,
                    &format!("options.campaigns[{i}]"),
                    "a string",
                    other.found(),
                )),
            })
            .collect()
    }

    /// `price`: a price rule.
    fn price(&self) -> Result<PriceRule, OptionsError> {
        match &self.price {
            Loose::Null => Ok(PriceRule::default()),
            Loose::Text(text) => text.parse().map_err(|e: String| {
                OptionsError::unknown_value(
                    format!("options.price: {e}"),
                    "options.price",
                    text,
                    "highest, lowest, discount=N",
                )
            }),
            other => Err(OptionsError::wrong_type(
                "options.price must be \"highest\", \"lowest\" or \"discount=N\"",
                "options.price",
                "a string",
                other.found(),
            )),
        }
    }
}

impl TryFrom<RawOptions> for CheckOptions {
    type Error = OptionsError;

    fn try_from(raw: RawOptions) -> Result<Self, OptionsError> {
        Ok(CheckOptions {
            messages: raw.messages()?,
            format: raw.format()?,
        })
    }
}

impl TryFrom<RawOptions> for PlanOptions {
    type Error = OptionsError;

    fn try_from(raw: RawOptions) -> Result<Self, OptionsError> {
        Ok(PlanOptions {
            messages: raw.messages()?,
            campaigns: raw.campaigns()?,
            price: raw.price()?,
        })
    }
}

/// A JSON value as an option reads it: a string, a list, `null`, or what
/// else it is (`number`, `boolean`, `object`, as JavaScript's `typeof` says).
#[derive(Debug, Default)]
enum Loose {
    #[default]
    Null,
    Text(String),
    List(Vec<Loose>),
    Other(&'static str),
}

impl Loose {
    /// What the value is, as a WRONG_TYPE error's `found` says it.
    fn found(&self) -> &'static str {
        match self {
            Loose::Null => "null",
            Loose::Text(_) => "string",
            Loose::List(_) => "an array",
            Loose::Other(kind) => kind,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

/// Reads a [`Loose`].
struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Loose, E> {
        Ok(Loose::Other("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Loose, E> {
        Ok(Loose::Other("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Loose, E> {
        Ok(Loose::Other("number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Loose, E> {
        Ok(Loose::Other("number"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Loose, E> {
        Ok(Loose::Text(text.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = seq.next_element()? {
            list.push(item);
        }
        Ok(Loose::List(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other("object"))
    }
}
