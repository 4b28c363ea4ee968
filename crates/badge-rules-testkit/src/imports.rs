//! The import graph of a crate, file by file, and its circles.
//!
//! A file imports another when it names an item defined there: in a `use`
//! line, in a `crate::`, `super::` or `self::` path in its code, or in such a
//! path inside a macro call (the rule tables' `rule!(…, prices::ba12, …)`).
//! A name re-exported by `pub use` is followed to the file that defines it,
//! so a facade (`lib.rs`, a folder's `mod.rs`) that only re-exports is not a
//! hub every file depends on; the re-exporting `use` line is itself an
//! import of the facade's file. `mod` declarations are not imports, and
//! `#[cfg(test)]` items are left out (a test module may use anything).
//!
//! The module tree is followed from each root (`src/lib.rs`, `src/main.rs`,
//! each `src/bin/*.rs`) through its `mod x;` declarations, so files that no
//! root declares are not measured. `make test` runs
//! `tests/import_circles.rs`, which fails on any circle of any crate of the
//! workspace and prints it with the names that tie it.
//!
//! ```
//! use badge_rules_testkit::imports::{circles, Graph};
//!
//! let dir = std::env::temp_dir().join(format!("imports-doc-{}", std::process::id()));
//! std::fs::create_dir_all(dir.join("src")).unwrap();
//! std::fs::write(dir.join("src/lib.rs"), "mod a;\nmod b;\n").unwrap();
//! std::fs::write(dir.join("src/a.rs"), "use crate::b::B;\npub struct A;\n").unwrap();
//! std::fs::write(dir.join("src/b.rs"), "pub struct B;\nfn f(_: crate::a::A) {}\n").unwrap();
//! let graph = Graph::of_crate(&dir).unwrap();
//! let found = circles(&graph);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].files, ["src/a.rs", "src/b.rs"]);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// One module of a crate: where it is written and what it declares.
#[derive(Debug, Default)]
struct Module {
    /// The file it is written in, relative to the crate's folder.
    file: String,
    /// Its child modules, by name.
    children: BTreeMap<String, usize>,
    /// The names it defines (types, functions, constants, macros, ...).
    items: BTreeSet<String>,
    /// The names it brings in by `use`, with the path each stands for.
    uses: BTreeMap<String, Vec<String>>,
    /// Its glob imports (`use x::*`), as paths.
    globs: Vec<Vec<String>>,
    /// Its parent, none for the root.
    parent: Option<usize>,
}

/// A path named in a file, with the module it is named from.
#[derive(Debug)]
struct Named {
    module: usize,
    segments: Vec<String>,
}

/// The import graph of one crate, file by file.
#[derive(Debug, Default)]
pub struct Graph {
    modules: Vec<Module>,
    named: Vec<Named>,
    /// file -> file -> the names the first takes from the second.
    pub edges: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

/// One circle: the files that import one another, and what ties them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Circle {
    /// The files of the circle, sorted.
    pub files: Vec<String>,
    /// The imports between them: (from, to, names).
    pub ties: Vec<(String, String, Vec<String>)>,
}

impl fmt::Display for Circle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "a circle of {} files: {}",
            self.files.len(),
            self.files.join(", ")
        )?;
        for (from, to, names) in &self.ties {
            writeln!(f, "  {from} -> {to}: {}", names.join(", "))?;
        }
        Ok(())
    }
}

/// Why a crate could not be read.
#[derive(Debug)]
pub struct ReadError(String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReadError {}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// Flattens a use tree into (bound name, path) pairs and glob paths.
fn flatten(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    out: &mut Vec<(String, Vec<String>)>,
    globs: &mut Vec<Vec<String>>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten(&p.tree, prefix, out, globs);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            let mut path = prefix.clone();
            if name == "self" {
                let bound = prefix.last().cloned().unwrap_or_default();
                out.push((bound, path));
            } else {
                path.push(name.clone());
                out.push((name, path));
            }
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            let name = r.ident.to_string();
            if name != "self" {
                path.push(name);
            }
            out.push((r.rename.to_string(), path));
        }
        syn::UseTree::Glob(_) => globs.push(prefix.clone()),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten(t, prefix, out, globs);
            }
        }
    }
}

/// Collects the paths a file names, outside `#[cfg(test)]` items.
struct Collector<'g> {
    graph: &'g mut Graph,
    module: usize,
}

impl Collector<'_> {
    fn name(&mut self, segments: Vec<String>) {
        if !segments.is_empty() {
            self.graph.named.push(Named {
                module: self.module,
                segments,
            });
        }
    }

    /// Paths written inside a macro call: every `a::b::c` run of tokens.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut colons = 0;
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Ident(ident) => {
                    if colons != 2 {
                        self.flush(&mut run);
                    }
                    run.push(ident.to_string());
                    colons = 0;
                }
                proc_macro2::TokenTree::Punct(p) if p.as_char() == ':' => colons += 1,
                proc_macro2::TokenTree::Group(g) => {
                    self.flush(&mut run);
                    colons = 0;
                    self.tokens(g.stream());
                }
                proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => {
                    self.flush(&mut run);
                    colons = 0;
                }
            }
        }
        self.flush(&mut run);
    }

    fn flush(&mut self, run: &mut Vec<String>) {
        if run.len() > 1 {
            self.name(std::mem::take(run));
        }
        run.clear();
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs: &[syn::Attribute] = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Trait(t) => &t.attrs,
            syn::Item::Type(t) => &t.attrs,
            syn::Item::Macro(m) => &m.attrs,
            _ => &[],
        };
        if is_test_only(attrs) {
            return;
        }
        // A module's own contents are visited as that module.
        if let syn::Item::Mod(_) = item {
            return;
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut pairs = Vec::new();
        let mut globs = Vec::new();
        flatten(&item.tree, &mut Vec::new(), &mut pairs, &mut globs);
        for (_, path) in pairs {
            self.name(path);
        }
        for glob in globs {
            self.name(glob);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 {
            self.name(segments);
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.visit_path(&mac.path);
        self.tokens(mac.tokens.clone());
    }
}

impl Graph {
    /// Reads the crate in `dir` (its `src/lib.rs`, `src/main.rs` and
    /// `src/bin/*.rs`, each with the modules it declares) and measures its
    /// imports.
    ///
    /// # Errors
    ///
    /// A [`ReadError`] naming the file that could not be read or parsed.
    pub fn of_crate(dir: &Path) -> Result<Graph, ReadError> {
        let mut graph = Graph::default();
        let mut roots = Vec::new();
        for root in ["src/lib.rs", "src/main.rs"] {
            if dir.join(root).is_file() {
                roots.push(PathBuf::from(root));
            }
        }
        if let Ok(bins) = std::fs::read_dir(dir.join("src/bin")) {
            let mut bins: Vec<PathBuf> = bins
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "rs"))
                .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf))
                .collect();
            bins.sort();
            roots.extend(bins);
        }
        for root in roots {
            let folder = root.parent().map(Path::to_path_buf).unwrap_or_default();
            graph.read_module(dir, &root, &folder, None, &mut Vec::new())?;
        }
        graph.resolve();
        Ok(graph)
    }

    /// Reads the module written in `file` (relative to `dir`), whose child
    /// modules' files are in `folder`.
    fn read_module(
        &mut self,
        dir: &Path,
        file: &Path,
        folder: &Path,
        parent: Option<usize>,
        stack: &mut Vec<PathBuf>,
    ) -> Result<usize, ReadError> {
        let text = std::fs::read_to_string(dir.join(file))
            .map_err(|e| ReadError(format!("{}: {e}", file.display())))?;
        let ast =
            syn::parse_file(&text).map_err(|e| ReadError(format!("{}: {e}", file.display())))?;
        let id = self.modules.len();
        self.modules.push(Module {
            file: file.to_string_lossy().into_owned(),
            parent,
            ..Module::default()
        });
        stack.push(file.to_path_buf());
        self.read_items(dir, &ast.items, id, folder, stack)?;
        stack.pop();
        Ok(id)
    }

    fn read_items(
        &mut self,
        dir: &Path,
        items: &[syn::Item],
        id: usize,
        folder: &Path,
        stack: &mut Vec<PathBuf>,
    ) -> Result<(), ReadError> {
        for item in items {
            let name = match item {
                syn::Item::Fn(f) if !is_test_only(&f.attrs) => Some(f.sig.ident.to_string()),
                syn::Item::Struct(s) => Some(s.ident.to_string()),
                syn::Item::Enum(e) => Some(e.ident.to_string()),
                syn::Item::Const(c) => Some(c.ident.to_string()),
                syn::Item::Static(s) => Some(s.ident.to_string()),
                syn::Item::Trait(t) => Some(t.ident.to_string()),
                syn::Item::Type(t) => Some(t.ident.to_string()),
                syn::Item::Union(u) => Some(u.ident.to_string()),
                syn::Item::Macro(m) => m.ident.as_ref().map(ToString::to_string),
                _ => None,
            };
            if let (Some(name), Some(module)) = (name, self.modules.get_mut(id)) {
                module.items.insert(name);
            }
            match item {
                syn::Item::Use(u) if !is_test_only(&u.attrs) => {
                    let mut pairs = Vec::new();
                    let mut globs = Vec::new();
                    flatten(&u.tree, &mut Vec::new(), &mut pairs, &mut globs);
                    if let Some(module) = self.modules.get_mut(id) {
                        module.uses.extend(pairs);
                        module.globs.extend(globs);
                    }
                }
                syn::Item::Mod(m) if !is_test_only(&m.attrs) => {
                    let name = m.ident.to_string();
                    let child = if let Some((_, inner)) = &m.content {
                        let file = self
                            .modules
                            .get(id)
                            .map(|m| m.file.clone())
                            .unwrap_or_default();
                        let child = self.modules.len();
                        self.modules.push(Module {
                            file,
                            parent: Some(id),
                            ..Module::default()
                        });
                        self.read_items(dir, inner, child, &folder.join(&name), stack)?;
                        child
                    } else {
                        let (file, sub) = if let Some(path) = path_attr(&m.attrs) {
                            let file = folder.join(path);
                            let sub = file.with_extension("");
                            (file, sub)
                        } else if dir.join(folder.join(format!("{name}.rs"))).is_file() {
                            (folder.join(format!("{name}.rs")), folder.join(&name))
                        } else {
                            (folder.join(&name).join("mod.rs"), folder.join(&name))
                        };
                        if stack.contains(&file) {
                            return Err(ReadError(format!("{} declares itself", file.display())));
                        }
                        self.read_module(dir, &file, &sub, Some(id), stack)?
                    };
                    if let Some(module) = self.modules.get_mut(id) {
                        module.children.insert(name, child);
                    }
                }
                _ => {}
            }
        }
        // The paths this module's own code names (not its child modules').
        let mut collector = Collector {
            graph: self,
            module: id,
        };
        for item in items {
            collector.visit_item(item);
        }
        Ok(())
    }

    fn root_of(&self, mut id: usize) -> usize {
        while let Some(parent) = self.modules.get(id).and_then(|m| m.parent) {
            id = parent;
        }
        id
    }

    /// The module a path's first segment starts from, and the segments left.
    fn start<'s>(&self, from: usize, segments: &'s [String]) -> Option<(usize, &'s [String])> {
        let (first, rest) = segments.split_first()?;
        let module = self.modules.get(from)?;
        match first.as_str() {
            "crate" => Some((self.root_of(from), rest)),
            "self" => Some((from, rest)),
            "super" => {
                let mut at = module.parent?;
                let mut rest = rest;
                while let Some((next, after)) = rest.split_first() {
                    if next != "super" {
                        break;
                    }
                    at = self.modules.get(at)?.parent?;
                    rest = after;
                }
                Some((at, rest))
            }
            _ if module.children.contains_key(first)
                || module.items.contains(first)
                || module.uses.contains_key(first) =>
            {
                Some((from, segments))
            }
            _ => None,
        }
    }

    /// The file that defines what `segments` names from module `from`, and
    /// the name it is known by there; none for another crate's item.
    fn target(&self, from: usize, segments: &[String], depth: usize) -> Option<(String, String)> {
        if depth > 16 {
            return None;
        }
        let (mut at, rest) = self.start(from, segments)?;
        let mut last = String::new();
        for (i, segment) in rest.iter().enumerate() {
            let module = self.modules.get(at)?;
            if let Some(child) = module.children.get(segment) {
                at = *child;
                last.clone_from(segment);
                continue;
            }
            if module.items.contains(segment) {
                return Some((module.file.clone(), segment.clone()));
            }
            if let Some(path) = module.uses.get(segment) {
                // A re-export: follow it to its definition.
                let mut through = path.clone();
                through.extend(rest.iter().skip(i + 1).cloned());
                return self
                    .target(at, &through, depth + 1)
                    .or_else(|| Some((module.file.clone(), segment.clone())));
            }
            return Some((module.file.clone(), segment.clone()));
        }
        let module = self.modules.get(at)?;
        Some((module.file.clone(), last))
    }

    fn resolve(&mut self) {
        let mut edges: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
        for named in &self.named {
            let Some(from) = self.modules.get(named.module) else {
                continue;
            };
            if let Some((to, name)) = self.target(named.module, &named.segments, 0) {
                if to != from.file {
                    edges
                        .entry(from.file.clone())
                        .or_default()
                        .entry(to)
                        .or_default()
                        .insert(name);
                }
            }
        }
        self.edges = edges;
    }
}

/// Every circle of `graph`: its strongly connected sets of more than one
/// file (Tarjan's algorithm), each with the imports inside it.
pub fn circles(graph: &Graph) -> Vec<Circle> {
    let mut files: BTreeSet<&String> = graph.edges.keys().collect();
    for targets in graph.edges.values() {
        files.extend(targets.keys());
    }
    let files: Vec<&String> = files.into_iter().collect();
    let index_of: BTreeMap<&String, usize> =
        files.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let next: Vec<Vec<usize>> = files
        .iter()
        .map(|f| {
            graph
                .edges
                .get(*f)
                .map(|t| t.keys().filter_map(|k| index_of.get(k).copied()).collect())
                .unwrap_or_default()
        })
        .collect();
    let components = tarjan(&next);
    let mut out = Vec::new();
    for component in components.into_iter().filter(|c| c.len() > 1) {
        let mut names: Vec<String> = component
            .iter()
            .filter_map(|i| files.get(*i).map(|f| (*f).clone()))
            .collect();
        names.sort();
        let mut ties = Vec::new();
        for from in &names {
            for (to, what) in graph.edges.get(from).into_iter().flatten() {
                if names.contains(to) {
                    ties.push((from.clone(), to.clone(), what.iter().cloned().collect()));
                }
            }
        }
        out.push(Circle { files: names, ties });
    }
    out.sort_by(|a, b| a.files.cmp(&b.files));
    out
}

/// Tarjan's strongly connected components, iteratively.
fn tarjan(next: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = next.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut counter = 0;
    for start in 0..n {
        if index.get(start) != Some(&usize::MAX) {
            continue;
        }
        // (node, position in its successor list)
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index.get(v) == Some(&usize::MAX) {
                if let (Some(i), Some(l), Some(s)) =
                    (index.get_mut(v), low.get_mut(v), on_stack.get_mut(v))
                {
                    *i = counter;
                    *l = counter;
                    *s = true;
                }
                counter += 1;
                stack.push(v);
            }
            let successors = next.get(v).map(Vec::as_slice).unwrap_or_default();
            if let Some(&w) = successors.get(*pos) {
                *pos += 1;
                if index.get(w) == Some(&usize::MAX) {
                    work.push((w, 0));
                } else if on_stack.get(w) == Some(&true) {
                    let iw = index.get(w).copied().unwrap_or(usize::MAX);
                    if let Some(l) = low.get_mut(v) {
                        *l = (*l).min(iw);
                    }
                }
                continue;
            }
            work.pop();
            let lv = low.get(v).copied().unwrap_or(0);
            if let Some(&(parent, _)) = work.last() {
                if let Some(l) = low.get_mut(parent) {
                    *l = (*l).min(lv);
                }
            }
            if Some(&lv) == index.get(v) {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    if let Some(s) = on_stack.get_mut(w) {
                        *s = false;
                    }
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(component);
            }
        }
    }
    out
}
