//! Criterion benchmarks of each rendering stage (templates, Markdown
//! parse, layout, PDF write) on every sample and on a generated ~200-page
//! agreement; plus the layout at growing sizes to show time is linear in
//! pages. Run: `cargo bench --bench render`.

#![allow(missing_docs)]

use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pactwright::model::Agreement;
use pactwright::render::{self, Paper, Templates};
use pactwright::synthetic::{Size, large};
use pactwright_typeset::{FontSet, layout, pdf};

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

fn cases() -> Vec<(String, Agreement)> {
    let mut list = Vec::new();
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
    for n in names {
        let a = load(&n);
        list.push((n.replace(".agreement.json", ""), a));
    }
    let base = load("it-service-desk.agreement.json");
    list.push((
        "generated-200-pages".to_owned(),
        large(&base, Size::PAGES_200),
    ));
    list
}

fn stages(c: &mut Criterion) {
    let templates = Templates::builtin().expect("templates");
    let fonts = FontSet::bundled().expect("fonts");
    let options = render::layout_options(Paper::A4);
    for (name, a) in cases() {
        let template = render::default_template(a.document.kind);
        let meta = render::meta(&a, false);
        let source = render::to_markdown(&a, &templates, template).expect("template");
        let doc = render::to_document(&source, &a, meta.clone());
        let laid = layout::layout(&doc, &options, &fonts).expect("layout");
        eprintln!("{name}: {} pages", laid.pages.len());
        let mut group = c.benchmark_group(name.clone());
        group.sample_size(if laid.pages.len() > 50 { 20 } else { 60 });
        group.bench_function("template", |b| {
            b.iter(|| render::to_markdown(&a, &templates, template).expect("template"))
        });
        group.bench_function("parse", |b| {
            b.iter(|| render::to_document(&source, &a, meta.clone()))
        });
        group.bench_function("layout", |b| {
            b.iter(|| layout::layout(&doc, &options, &fonts).expect("layout"))
        });
        group.bench_function("pdf", |b| {
            b.iter(|| pdf::write_pdf(&laid, &doc.meta).expect("pdf"))
        });
        group.bench_function("all", |b| {
            b.iter(|| {
                render::to_pdf(&a, &templates, template, Paper::A4, &fonts, false).expect("render")
            })
        });
        group.finish();
    }
}

fn linear(c: &mut Criterion) {
    let templates = Templates::builtin().expect("templates");
    let fonts = FontSet::bundled().expect("fonts");
    let base = load("it-service-desk.agreement.json");
    let mut group = c.benchmark_group("scaling");
    group.sample_size(15);
    for clauses in [15usize, 30, 60, 120] {
        let a = large(&base, Size::PAGES_200.with_clauses(clauses));
        let pages = render::to_pdf(&a, &templates, "sla", Paper::A4, &fonts, false)
            .expect("render")
            .page_count;
        group.bench_with_input(BenchmarkId::new("pages", pages), &a, |b, a| {
            b.iter(|| {
                render::to_pdf(a, &templates, "sla", Paper::A4, &fonts, false).expect("render")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages, linear);
criterion_main!(benches);
