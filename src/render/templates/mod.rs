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

mod builtin;
mod error;
mod load;
mod partials;

pub use builtin::BUILTIN;
pub use error::TemplateError;

use pactwright_typeset::par;
use std::collections::BTreeMap;
use std::path::Path;

use handlebars::Handlebars;

use builtin::builtin_sources;
use load::{collect, read_template};
use partials::check_partials;

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
        let render = |name: &str| self.registry.render_with_context(name, &context);
        // A deeply nested view recurses as deeply in handlebars: the
        // rendering threads get room for it.
        let rendered: Result<String, _> = par::with_stack(THREAD_NAME, STACK, || {
            match self.sections(name) {
                // The document's sections are independent: they render on
                // all cores, each thread taking the next one nobody has
                // taken, and are put back in order (the first error in the
                // document is the one reported).
                Some(sections) => par::in_turns(
                    sections.len(),
                    par::cores(),
                    STACK,
                    &mut (),
                    || (),
                    |(), i| match sections[i] {
                        Section::Text(t) => Ok(t.to_owned()),
                        Section::Partial(p) => render(p),
                    },
                )
                .into_iter()
                .collect(),
                None => render(name),
            }
        });
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

/// The rendering threads' name and stack.
const THREAD_NAME: &str = "pactwright-template";
const STACK: usize = 256 * 1024 * 1024;

/// A piece of a template that only strings partials together.
enum Section<'a> {
    Text(&'a str),
    Partial(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn set(items: &[(&str, &str)]) -> BTreeMap<String, Source> {
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
}
