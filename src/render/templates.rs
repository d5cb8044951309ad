//! The template set: the built-in Handlebars templates (one per agreement
//! kind, built from shared partials in `templates/partials/`), plus any a
//! user adds or overrides with `--templates DIR`.
//!
//! Safety of user templates: the registry has no helper that reads files or
//! runs programs (handlebars' `dir_source` and `script_helper` features are
//! off, and only the formatting helpers in `helpers.rs` are registered).
//! Before anything renders, every partial reference is resolved statically:
//! a partial that includes itself, directly or through others, is refused
//! with the chain that loops, and partial names computed at render time
//! (`{{> (lookup ...)}}`) are refused, so recursion cannot run without
//! bound. Rendering also runs on a thread with a large stack as a second
//! line of defence.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use handlebars::Handlebars;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("sla", include_str!("../../templates/sla.md.hbs")),
    ("ola", include_str!("../../templates/ola.md.hbs")),
    ("uc", include_str!("../../templates/uc.md.hbs")),
    ("offering", include_str!("../../templates/offering.md.hbs")),
    (
        "partials/cover",
        include_str!("../../templates/partials/cover.md.hbs"),
    ),
    (
        "partials/control",
        include_str!("../../templates/partials/control.md.hbs"),
    ),
    (
        "partials/parties",
        include_str!("../../templates/partials/parties.md.hbs"),
    ),
    (
        "partials/service",
        include_str!("../../templates/partials/service.md.hbs"),
    ),
    (
        "partials/offering",
        include_str!("../../templates/partials/offering.md.hbs"),
    ),
    (
        "partials/warranty",
        include_str!("../../templates/partials/warranty.md.hbs"),
    ),
    (
        "partials/hours",
        include_str!("../../templates/partials/hours.md.hbs"),
    ),
    (
        "partials/support",
        include_str!("../../templates/partials/support.md.hbs"),
    ),
    (
        "partials/responsibilities",
        include_str!("../../templates/partials/responsibilities.md.hbs"),
    ),
    (
        "partials/relationship",
        include_str!("../../templates/partials/relationship.md.hbs"),
    ),
    (
        "partials/levels",
        include_str!("../../templates/partials/levels.md.hbs"),
    ),
    (
        "partials/credits",
        include_str!("../../templates/partials/credits.md.hbs"),
    ),
    (
        "partials/exclusions",
        include_str!("../../templates/partials/exclusions.md.hbs"),
    ),
    (
        "partials/terms",
        include_str!("../../templates/partials/terms.md.hbs"),
    ),
    (
        "partials/clauses",
        include_str!("../../templates/partials/clauses.md.hbs"),
    ),
    (
        "partials/signatures",
        include_str!("../../templates/partials/signatures.md.hbs"),
    ),
];

/// User template folders deeper than this are not searched.
const MAX_DEPTH: usize = 8;
/// A template file larger than this is refused.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Something wrong with a template. Each variant says which file and,
/// where known, which line.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The template text does not parse.
    #[error("{file}:{line}:{column}: template syntax error: {message}")]
    Syntax {
        /// The template file (or `builtin:NAME`).
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Rendering failed, e.g. a field that does not exist (strict mode).
    #[error("{file}{at}: {message}")]
    Render {
        /// The template file.
        file: String,
        /// `":line:column"` when known.
        at: String,
        /// What is wrong.
        message: String,
    },
    /// Partials include each other in a loop.
    #[error("{file}:{line}: partial `{name}` includes itself ({chain}); a template cannot recurse")]
    Cycle {
        /// The file holding the reference that closes the loop.
        file: String,
        /// Its line.
        line: usize,
        /// The partial.
        name: String,
        /// The loop, e.g. `a -> b -> a`.
        chain: String,
    },
    /// A partial name computed at render time.
    #[error(
        "{file}:{line}: partial names must be written out (`{{{{> partials/cover}}}}`), not computed"
    )]
    DynamicPartial {
        /// The file.
        file: String,
        /// The line.
        line: usize,
    },
    /// A partial that no template defines.
    #[error("{file}:{line}: partial `{name}` does not exist; available: {available}")]
    MissingPartial {
        /// The file.
        file: String,
        /// The line.
        line: usize,
        /// The partial.
        name: String,
        /// What exists.
        available: String,
    },
    /// No template of that name.
    #[error("there is no template `{name}`; available: {available}")]
    NotFound {
        /// The name asked for.
        name: String,
        /// What exists.
        available: String,
    },
    /// A template file or folder could not be read.
    #[error("{path}: cannot read templates: {message}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// One template's source and where it came from.
#[derive(Debug, Clone)]
struct Source {
    text: String,
    file: String,
}

/// A checked set of templates, ready to render.
pub struct Templates {
    registry: Handlebars<'static>,
    sources: BTreeMap<String, Source>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("names", &self.sources.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Result<Self, TemplateError> {
        Self::build(builtin_sources())
    }

    /// The built-in templates with those in `dir` added or overriding them
    /// (`DIR/sla.md.hbs` replaces the SLA template, `DIR/partials/cover.md.hbs`
    /// the cover).
    pub fn with_dir(dir: &Path) -> Result<Self, TemplateError> {
        let mut sources = builtin_sources();
        if !dir.is_dir() {
            return Err(TemplateError::Io {
                path: dir.to_owned(),
                message: "not a folder".to_owned(),
            });
        }
        collect(dir, dir, 0, &mut sources)?;
        Self::build(sources)
    }

    /// Adds one template file under `name` (for `--template PATH`).
    pub fn add_file(&mut self, name: &str, path: &Path) -> Result<(), TemplateError> {
        let text = read_template(path)?;
        let mut sources = self.sources.clone();
        sources.insert(
            name.to_owned(),
            Source {
                text,
                file: path.display().to_string(),
            },
        );
        *self = Self::build(sources)?;
        Ok(())
    }

    /// The names of templates that are whole documents (not partials).
    pub fn documents(&self) -> Vec<&str> {
        self.sources
            .keys()
            .filter(|n| !n.starts_with("partials/"))
            .map(String::as_str)
            .collect()
    }

    /// True when a template of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    fn build(sources: BTreeMap<String, Source>) -> Result<Self, TemplateError> {
        check_partials(&sources)?;
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.set_prevent_indent(true);
        registry.register_escape_fn(pactwright_typeset::markdown::escape);
        super::helpers::register(&mut registry);
        for (name, source) in &sources {
            registry
                .register_template_string(name, &source.text)
                .map_err(|e| {
                    let (line, column) = e.pos().unwrap_or((1, 1));
                    TemplateError::Syntax {
                        file: source.file.clone(),
                        line,
                        column,
                        message: e.reason().to_string(),
                    }
                })?;
        }
        Ok(Templates { registry, sources })
    }

    /// Renders a template with a view.
    pub fn render(&self, name: &str, view: serde_json::Value) -> Result<String, TemplateError> {
        if !self.sources.contains_key(name) {
            return Err(TemplateError::NotFound {
                name: name.to_owned(),
                available: self.documents().join(", "),
            });
        }
        let context = handlebars::Context::from(view);
        let result = match self.sections(name) {
            // The document's sections are independent: they render on
            // all cores, each thread taking the next one nobody has taken,
            // and are put back in order (the first error in the document
            // is the one reported).
            Some(sections) => {
                let next = AtomicUsize::new(0);
                let work = || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(section) = sections.get(i) else {
                            break;
                        };
                        let text = match section {
                            Section::Text(t) => Ok((*t).to_owned()),
                            Section::Partial(p) => self.registry.render_with_context(p, &context),
                        };
                        done.push((i, text));
                    }
                    done
                };
                let threads = pactwright_typeset::cores().min(sections.len());
                let parts = std::thread::scope(|scope| {
                    let running: Vec<_> = (0..threads)
                        .filter_map(|_| spawn(scope, work).ok())
                        .collect();
                    // No thread to be had at all: fails below as a panic does.
                    let mut parts = Some(Vec::new()).filter(|_| !running.is_empty());
                    for thread in running {
                        match (thread.join(), &mut parts) {
                            (Ok(part), Some(parts)) => parts.extend(part),
                            _ => parts = None,
                        }
                    }
                    parts
                });
                parts.map(|mut parts| {
                    parts.sort_unstable_by_key(|(i, _)| *i);
                    parts
                        .into_iter()
                        .map(|(_, text)| text)
                        .collect::<Result<String, _>>()
                })
            }
            None => std::thread::scope(|scope| {
                spawn(scope, || self.registry.render_with_context(name, &context))
                    .ok()
                    .and_then(|thread| thread.join().ok())
            }),
        };
        let rendered: Result<String, _> = match result {
            Some(r) => r,
            None => {
                return Err(TemplateError::Render {
                    file: self.file_of(name),
                    at: String::new(),
                    message: "rendering failed unexpectedly".to_owned(),
                });
            }
        };
        rendered.map_err(|e| {
            let template = e.template_name.clone().unwrap_or_else(|| name.to_owned());
            let at = match (e.line_no, e.column_no) {
                (Some(l), Some(c)) => format!(":{l}:{c}"),
                _ => String::new(),
            };
            let message = match e.reason() {
                handlebars::RenderErrorReason::MissingVariable(Some(path)) => format!(
                    "the field `{path}` does not exist (see templates/README.md for the fields templates can use)"
                ),
                reason => reason.to_string(),
            };
            TemplateError::Render {
                file: self.file_of(&template),
                at,
                message,
            }
        })
    }

    /// A template that only strings partials together (as every built-in
    /// document template does), as its pieces; `None` for anything else.
    /// Rendering the pieces one by one gives the same text as rendering
    /// the template, without handlebars copying the whole view for every
    /// partial it includes (a third of a long agreement's template time).
    fn sections(&self, name: &str) -> Option<Vec<Section<'_>>> {
        use handlebars::template::{Parameter, TemplateElement};
        let template = self.registry.get_template(name)?;
        let mut out = Vec::with_capacity(template.elements.len());
        for element in &template.elements {
            match element {
                TemplateElement::RawString(t) => out.push(Section::Text(t)),
                TemplateElement::Comment(_) => {}
                TemplateElement::PartialExpression(d)
                    if d.params.is_empty()
                        && d.hash.is_empty()
                        && d.template.is_none()
                        && d.indent.as_deref().is_none_or(str::is_empty) =>
                {
                    match &d.name {
                        Parameter::Name(p) if self.registry.has_template(p) => {
                            out.push(Section::Partial(p));
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        Some(out)
    }

    fn file_of(&self, name: &str) -> String {
        self.sources
            .get(name)
            .map_or_else(|| name.to_owned(), |s| s.file.clone())
    }
}

/// Runs `work` on a thread of the scope with room for deep recursion (a
/// deeply nested view recurses as deeply in handlebars).
fn spawn<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .name("pactwright-template".to_owned())
        .stack_size(256 * 1024 * 1024)
        .spawn_scoped(scope, work)
}

/// A piece of a template that only strings partials together.
enum Section<'a> {
    Text(&'a str),
    Partial(&'a str),
}

fn builtin_sources() -> BTreeMap<String, Source> {
    BUILTIN
        .iter()
        .map(|(name, text)| {
            (
                (*name).to_owned(),
                Source {
                    text: (*text).to_owned(),
                    file: format!("templates/{name}.md.hbs"),
                },
            )
        })
        .collect()
}

fn read_template(path: &Path) -> Result<String, TemplateError> {
    let io = |message: String| TemplateError::Io {
        path: path.to_owned(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| io(e.to_string()))?;
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(io(format!("larger than {MAX_TEMPLATE_BYTES} bytes")));
    }
    let bytes = std::fs::read(path).map_err(|e| io(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| io("not UTF-8 text".to_owned()))
}

/// Template name of a file: its path under the folder without `.md.hbs` or
/// `.hbs`, with `/` separators.
fn template_name(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let text = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    text.strip_suffix(".md.hbs")
        .or_else(|| text.strip_suffix(".hbs"))
        .map(str::to_owned)
}

fn collect(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut BTreeMap<String, Source>,
) -> Result<(), TemplateError> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| TemplateError::Io {
        path: dir.to_owned(),
        message: e.to_string(),
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let meta = std::fs::symlink_metadata(&path).map_err(|e| TemplateError::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if meta.is_dir() {
            collect(root, &path, depth + 1, out)?;
        } else if meta.is_file() {
            if let Some(name) = template_name(root, &path) {
                let text = read_template(&path)?;
                out.insert(
                    name,
                    Source {
                        text,
                        file: path.display().to_string(),
                    },
                );
            }
        }
    }
    Ok(())
}

/// A partial reference found in a template's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    name: String,
    line: usize,
    /// The inline partial whose body holds the reference, if any.
    inside_inline: Option<String>,
}

/// Finds `{{> name}}`, `{{#> name}}` and `{{#*inline "name"}}` in a
/// template. Errors on computed partial names.
fn scan(text: &str, file: &str) -> Result<(Vec<Reference>, Vec<String>), TemplateError> {
    let mut refs = Vec::new();
    let mut inlines = Vec::new();
    let mut current_inline: Option<String> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Lines counted incrementally from the last `{{`, so the scan stays
    // linear in the template's length.
    let (mut line, mut counted) = (1, 0);
    while let Some(off) = text[i..].find("{{") {
        let start = i + off;
        line += text[counted..start].matches('\n').count();
        counted = start;
        let mut p = start + 2;
        // Raw blocks and comments hold no references.
        if text[p..].starts_with("!") {
            let end = if text[p..].starts_with("!--") {
                "--}}"
            } else {
                "}}"
            };
            i = text[p..]
                .find(end)
                .map_or(text.len(), |e| p + e + end.len());
            continue;
        }
        while p < bytes.len() && (bytes[p] == b'~' || bytes[p] == b'{') {
            p += 1;
        }
        let rest = &text[p..];
        let (is_partial, after) = if let Some(r) = rest.strip_prefix("#>") {
            (true, r)
        } else if let Some(r) = rest.strip_prefix('>') {
            (true, r)
        } else if let Some(r) = rest.strip_prefix("#*inline") {
            let name = quoted_or_token(r.trim_start());
            if let Some(n) = &name {
                inlines.push(n.clone());
            }
            current_inline = name;
            i = p;
            continue;
        } else if rest.starts_with("/inline") {
            current_inline = None;
            i = p;
            continue;
        } else {
            (false, rest)
        };
        if is_partial {
            let after = after.trim_start();
            if after.starts_with('(') {
                return Err(TemplateError::DynamicPartial {
                    file: file.to_owned(),
                    line,
                });
            }
            if let Some(name) = quoted_or_token(after) {
                if name != "@partial-block" {
                    refs.push(Reference {
                        name,
                        line,
                        inside_inline: current_inline.clone(),
                    });
                }
            }
        }
        i = p;
    }
    Ok((refs, inlines))
}

fn quoted_or_token(s: &str) -> Option<String> {
    if let Some(rest) = s.strip_prefix('"').or_else(|| s.strip_prefix('\'')) {
        let quote = s.as_bytes()[0] as char;
        return rest.find(quote).map(|e| rest[..e].to_owned());
    }
    let end = s
        .find(|c: char| c.is_whitespace() || c == '}' || c == '~')
        .unwrap_or(s.len());
    (end > 0).then(|| s[..end].to_owned())
}

/// Resolves every partial reference and refuses loops and unknown names.
fn check_partials(sources: &BTreeMap<String, Source>) -> Result<(), TemplateError> {
    // Graph nodes are template names and inline partial names; an edge
    // from a node to each partial it includes, with where it is written.
    let mut edges: BTreeMap<String, Vec<(String, String, usize)>> = BTreeMap::new();
    let mut known: BTreeSet<String> = sources.keys().cloned().collect();
    for (name, source) in sources {
        let (refs, inlines) = scan(&source.text, &source.file)?;
        known.extend(inlines);
        for r in refs {
            let from = r.inside_inline.clone().unwrap_or_else(|| name.clone());
            edges
                .entry(from)
                .or_default()
                .push((r.name, source.file.clone(), r.line));
        }
    }
    for list in edges.values() {
        for (target, file, line) in list {
            if !known.contains(target) {
                return Err(TemplateError::MissingPartial {
                    file: file.clone(),
                    line: *line,
                    name: target.clone(),
                    available: known
                        .iter()
                        .filter(|n| n.starts_with("partials/"))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
    }
    // Depth-first search for a cycle, in name order for stable messages.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new(); // 1 visiting, 2 done
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, Vec<(String, String, usize)>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<TemplateError> {
        state.insert(node, 1);
        path.push(node);
        for (target, file, line) in edges.get(node).map(Vec::as_slice).unwrap_or(&[]) {
            match state.get(target.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|n| *n == target).unwrap_or(0);
                    let mut chain: Vec<&str> = path[start..].to_vec();
                    chain.push(target);
                    return Some(TemplateError::Cycle {
                        file: file.clone(),
                        line: *line,
                        name: target.clone(),
                        chain: chain.join(" -> "),
                    });
                }
                Some(_) => {}
                None => {
                    if let Some(e) = visit(target, edges, state, path) {
                        return Some(e);
                    }
                }
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    for node in edges.keys() {
        if !state.contains_key(node.as_str()) {
            if let Some(e) = visit(node, &edges, &mut state, &mut Vec::new()) {
                return Err(e);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[(&str, &str)]) -> BTreeMap<String, Source> {
        items
            .iter()
            .map(|(n, t)| {
                (
                    (*n).to_owned(),
                    Source {
                        text: (*t).to_owned(),
                        file: format!("{n}.hbs"),
                    },
                )
            })
            .collect()
    }

    /// A template that strings partials together renders piece by piece;
    /// the text must be what handlebars itself makes of the template.
    #[test]
    fn partial_sequences_render_as_handlebars_would() {
        let partials = [
            (
                "p/a",
                "# A {{title}}\n\n{{#each items}}- {{this}}\n{{/each}}",
            ),
            ("p/b", "{{#if none}}never{{/if}}\n\nB {{lower title}}\n"),
        ];
        let docs = [
            ("seq", "{{> p/a}}\n{{> p/b}}\n{{!-- note --}}\n{{> p/a}}\n"),
            ("tight", "{{> p/a}}{{> p/b}}"),
            ("indented", "x\n  {{> p/a}}\n"),
            ("mixed", "{{> p/a}}\n{{title}}\n"),
        ];
        let t = Templates::build(set(&[
            partials[0],
            partials[1],
            docs[0],
            docs[1],
            docs[2],
            docs[3],
        ]))
        .unwrap();
        let view = serde_json::json!({ "title": "Title *x*", "items": ["one", "two"] });
        assert!(t.sections("seq").is_some());
        assert!(t.sections("tight").is_some());
        assert!(t.sections("mixed").is_none());
        for (name, _) in docs {
            let ours = t.render(name, view.clone()).unwrap();
            let theirs = t.registry.render(name, &view).unwrap();
            assert_eq!(ours, theirs, "{name}");
        }
    }

    #[test]
    fn finds_references() {
        let (refs, inlines) = scan(
            "a {{> partials/x}}\n{{#> y }}b{{/y}} {{~> \"z\" ~}}{{!-- {{> no}} --}}",
            "t",
        )
        .unwrap();
        let names: Vec<_> = refs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["partials/x", "y", "z"]);
        assert_eq!(refs[1].line, 2);
        assert!(inlines.is_empty());
        assert!(matches!(
            scan("{{> (lookup . \"x\")}}", "t"),
            Err(TemplateError::DynamicPartial { .. })
        ));
    }

    #[test]
    fn scanning_a_large_template_counts_lines_right() {
        // 1 MB of `{{value}}` lines, then a computed partial name: the line
        // is right, and the scan counts each line once (linear).
        let mut text = "{{x}} {{y}} text\n".repeat(60_000);
        text.push_str(
            "{{!-- a comment\nover two lines --}}\n{{> partials/last}}\n{{> (lookup . \"x\")}}\n",
        );
        match scan(&text, "big.md.hbs") {
            Err(TemplateError::DynamicPartial { line, .. }) => assert_eq!(line, 60_004),
            other => panic!("{other:?}"),
        }
        let (refs, _) = scan(&text[..text.rfind("{{> (").unwrap()], "big.md.hbs").unwrap();
        assert_eq!(refs.last().map(|r| r.line), Some(60_003));
    }

    #[test]
    fn refuses_loops_and_missing_partials() {
        let self_loop = set(&[("a", "{{> a}}")]);
        assert!(matches!(
            check_partials(&self_loop),
            Err(TemplateError::Cycle { .. })
        ));
        let indirect = set(&[("a", "{{> b}}"), ("b", "x\n{{> c}}"), ("c", "{{> a}}")]);
        let err = check_partials(&indirect).unwrap_err().to_string();
        assert!(err.contains("a -> b -> c -> a"), "{err}");
        let inline = set(&[("a", "{{#*inline \"i\"}}{{> i}}{{/inline}}{{> i}}")]);
        assert!(matches!(
            check_partials(&inline),
            Err(TemplateError::Cycle { .. })
        ));
        let missing = set(&[("a", "{{> nope}}")]);
        assert!(matches!(
            check_partials(&missing),
            Err(TemplateError::MissingPartial { .. })
        ));
        let fine = set(&[("a", "{{> b}}{{> b}}"), ("b", "x")]);
        assert!(check_partials(&fine).is_ok());
    }
}
