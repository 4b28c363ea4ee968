//! The pure reader of the `badge-rules` command, as a library: how `plan`
//! cuts its inputs into items ([`items`]), with no file, thread or clock, so
//! that the fuzz targets (`fuzz/`, through `badge-rules-testkit`) reach the
//! same code the binary runs. Everything else of the command is in the
//! binary (`src/main.rs`).
//!
//! ```
//! use badge_rules_cli::items::Items;
//! let mut items = Items::new(&b"{\"id\": \"1\"}\n{\"id\": \"2\"}\n"[..]);
//! let (mut buf, mut bytes) = (Vec::new(), 0);
//! while items.next_into(&mut buf, &mut bytes).unwrap().is_some() {}
//! assert_eq!(bytes, 24);
//! ```

pub mod items;
