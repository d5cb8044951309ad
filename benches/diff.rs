//! Criterion benchmarks of `pactwright diff` and the redline: comparing
//! each sample and the generated ~200-page agreement with an edited
//! version of itself, a draft with 2,000 changed service actions, and the
//! whole redline render (comparison, view, templates, layout, PDF).
//! Run: `cargo bench --bench diff`.

#![allow(missing_docs)]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use pactwright::diff;
use pactwright::model::Agreement;
use pactwright::render::{self, Paper, Templates};
use pactwright::synthetic::{Size, large};
use pactwright::units::Typed;
use pactwright_typeset::FontSet;

/// The allocator the command line and the app use.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(name: &str) -> Agreement {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    match pactwright::file::load(&path) {
        Ok(l) => l.agreement,
        Err(e) => panic!("{e}"),
    }
}

/// A next version: a new version number, every availability target
/// raised, every third service action's target changed, one in seven
/// removed, a new one added, a duty reworded and a word changed in every
/// fifth clause.
fn edited(a: &Agreement) -> Agreement {
    let mut b = a.clone();
    b.document.version = "9.0".to_owned();
    for t in &mut b.service_levels {
        if t.metric == pactwright::model::Metric::Availability {
            t.target = "99.95%".parse().expect("target");
        }
    }
    for (i, action) in b.offering.actions.iter_mut().enumerate() {
        if i % 3 == 0 {
            action.target = Some(Typed::Read("1bd".parse().expect("duration")));
        }
    }
    let mut i = 0;
    b.offering.actions.retain(|_| {
        i += 1;
        i % 7 != 0
    });
    b.offering.actions.push(pactwright::model::ServiceAction {
        action: "Loan a laptop for travel".to_owned(),
        ..Default::default()
    });
    if let Some(duty) = b.responsibilities.consumer.first_mut() {
        *duty = duty.replacen(' ', " promptly ", 1);
    }
    for (i, clause) in b.clauses.iter_mut().enumerate() {
        if i % 5 == 0 {
            clause.body = clause.body.replacen("the", "each", 1);
        }
    }
    b
}

fn cases() -> Vec<(String, Agreement)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".agreement.json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut list: Vec<(String, Agreement)> = names
        .iter()
        .map(|n| (n.replace(".agreement.json", ""), load(n)))
        .collect();
    let base = load("it-service-desk.agreement.json");
    list.push((
        "generated-200-pages".to_owned(),
        large(&base, Size::PAGES_200),
    ));
    list
}

fn compare_and_redline(c: &mut Criterion) {
    let templates = Templates::builtin().expect("templates");
    let fonts = FontSet::bundled().expect("fonts");
    for (name, old) in cases() {
        let new = edited(&old);
        let d = diff::compare(&old, &new).expect("same kind");
        let template = render::default_template(new.document.kind);
        let redline = || {
            let d = diff::compare(&old, &new).expect("same kind");
            let mut view = render::view::view(&new);
            diff::redline::set(&mut view, &d);
            let source = render::view_to_markdown(view, &templates, template).expect("template");
            render::markdown_to_pdf(&new, &source, Paper::A4, &fonts, false).expect("render")
        };
        let pages = redline().page_count;
        eprintln!(
            "{name}: {} changes, redline {pages} pages",
            d.changes().count()
        );
        let mut group = c.benchmark_group(format!("diff/{name}"));
        group.sample_size(if pages > 50 { 20 } else { 50 });
        group.bench_function("compare", |b| {
            b.iter(|| diff::compare(&old, &new).expect("same kind"))
        });
        group.bench_function("text", |b| b.iter(|| diff::text(&d, true)));
        group.bench_function("redline", |b| b.iter(redline));
        group.bench_function("plain render", |b| {
            b.iter(|| render::to_pdf(&new, &templates, template, Paper::A4, &fonts, false))
        });
        group.finish();
    }
}

fn many_actions(c: &mut Criterion) {
    let base = load("it-service-desk.agreement.json");
    let mut old = base.clone();
    old.offering.actions = (0..2000)
        .map(|i| pactwright::model::ServiceAction {
            action: format!("Provision workstation {i:04}"),
            trigger: "User request".to_owned(),
            target: Some(Typed::Read("2bd".parse().expect("duration"))),
            ..Default::default()
        })
        .collect();
    let mut new = old.clone();
    for a in &mut new.offering.actions {
        a.target = Some(Typed::Read("1bd".parse().expect("duration")));
    }
    let d = diff::compare(&old, &new).expect("same kind");
    assert_eq!(d.changes().count(), 2000);
    let mut group = c.benchmark_group("diff/2000-changed-actions");
    group.bench_function("compare", |b| {
        b.iter(|| diff::compare(&old, &new).expect("same kind"))
    });
    group.bench_function("text (collapsed)", |b| b.iter(|| diff::text(&d, false)));
    group.finish();
}

criterion_group!(benches, compare_and_redline, many_actions);
criterion_main!(benches);
