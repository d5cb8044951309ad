//! Whole-document facts: numbering, table of contents, outline, repeated
//! table headers, keep-together, determinism, and PDF checks with the
//! poppler/qpdf tools when installed.
#![allow(clippy::unwrap_used)]

mod common;

use pactwright_typeset::layout::{Item, Layout, LayoutOptions, OutlineEntry, Role, TextRun};
use pactwright_typeset::{
    HeadingInfo, RenderOptions, layout, markdown, number_headings, pdf, render_markdown_to_pdf,
};
use std::process::Command;

const DEMO: &str = include_str!("../examples/demo.md");

fn render(src: &str) -> Layout {
    let doc = markdown::parse(src, common::meta());
    layout::layout(&doc, &LayoutOptions::default(), common::fonts()).unwrap()
}

fn pages_text(l: &Layout) -> String {
    l.pages
        .iter()
        .enumerate()
        .map(|(i, p)| format!("=== page {} ===\n{}\n", i + 1, p.text()))
        .collect()
}

fn flatten(list: &[OutlineEntry], depth: usize, out: &mut Vec<String>) {
    for e in list {
        out.push(format!(
            "{}{} (p{})",
            "  ".repeat(depth),
            e.title,
            e.page + 1
        ));
        flatten(&e.children, depth + 1, out);
    }
}

/// `n` copies of a filler paragraph, to push what follows down the page.
fn pushed_down(n: usize, filler: &str) -> String {
    let mut src = String::new();
    for _ in 0..n {
        src.push_str(filler);
        src.push_str("\n\n");
    }
    src
}

#[test]
fn demo_pages_snapshot() {
    let l = render(DEMO);
    insta::assert_snapshot!("demo_pages", pages_text(&l));
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn heading_numbers() {
    let src =
        "# A\n## A1\n## A2\n### A2a\n# Preface {.unnumbered}\n# B\n#### B deep\n## B1 {#custom}\n";
    let info: Vec<HeadingInfo> = number_headings(&markdown::parse(src, common::meta()).blocks);
    let got: Vec<String> = info
        .iter()
        .map(|h| format!("{} {} #{}", h.number, h.title, h.anchor))
        .collect();
    insta::assert_snapshot!(got.join("\n"), @r"
    1 A #a
    1.1 A1 #a1
    1.2 A2 #a2
    1.2.1 A2a #a2a
     Preface #preface
    2 B #b
    2.0.0.1 B deep #b-deep
    2.1 B1 #custom
    ");
    // And they are printed.
    let text = pages_text(&render(src));
    assert!(text.contains("1.2.1\u{2002}\u{2002}A2a"), "{text}");
    assert!(text.contains("\nPreface\n"), "{text}");
}

/// A long document: many sections with enough text to span pages.
fn long_doc() -> String {
    let para = "The Service Provider shall restore the service within the agreed resolution time and inform the Customer about the cause, the workaround and the permanent fix. ".repeat(4);
    let mut s = String::from("::: toc\n\n");
    for i in 1..=12 {
        s.push_str(&format!("# Section {i}\n\n{para}\n\n"));
        for j in 1..=3 {
            s.push_str(&format!("## Clause {i}.{j}\n\n{para}\n\n"));
            if j == 2 {
                s.push_str(&format!("### Detail {i}.{j}.1\n\n{para}\n\n"));
            }
        }
    }
    s
}

#[test]
fn toc_numbers_match_heading_pages() {
    let l = render(&long_doc());
    assert!(l.pages.len() > 10);
    // The TOC spans the pages before the first heading.
    let first = l.outline[0].page;
    assert!(first >= 2, "a 60-entry TOC takes two pages");
    let toc: String = l.pages[..first].iter().map(|p| p.text() + "\n").collect();
    let mut flat = Vec::new();
    fn walk(list: &[OutlineEntry], out: &mut Vec<(String, usize)>) {
        for e in list {
            out.push((e.title.clone(), e.page + 1));
            walk(&e.children, out);
        }
    }
    walk(&l.outline, &mut flat);
    assert_eq!(flat.len(), 12 * 5);
    for (title, page) in &flat {
        // TOC lines read "1.2␣␣Clause 1.2 . . . . 7".
        let (num, rest) = title.split_once(' ').unwrap();
        let label = format!("{num}\u{2002}\u{2002}{rest}");
        let line = toc
            .lines()
            .find(|l| l.starts_with(&label))
            .unwrap_or_else(|| panic!("{label} not in TOC:\n{toc}"));
        let printed: usize = line.rsplit(' ').next().unwrap().parse().unwrap();
        assert_eq!(
            printed, *page,
            "TOC says {printed} for {title}, heading is on {page}"
        );
        // The heading really is on that page.
        assert!(
            l.pages[page - 1].text().contains(&label),
            "{label} not on page {page}"
        );
    }
    // TOC entries link to the headings.
    let links: usize = l.pages[..first]
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter(|i| matches!(i, Item::Link { .. }))
                .count()
        })
        .sum();
    assert!(links >= flat.len());
}

#[test]
fn outline_mirrors_heading_tree() {
    let l = render(&long_doc());
    let mut lines = Vec::new();
    flatten(&l.outline, 0, &mut lines);
    let shape: Vec<String> = lines
        .iter()
        .take(7)
        .map(|s| s.split(" (p").next().unwrap().to_string())
        .collect();
    assert_eq!(
        shape,
        [
            "1 Section 1",
            "  1.1 Clause 1.1",
            "  1.2 Clause 1.2",
            "    1.2.1 Detail 1.2.1",
            "  1.3 Clause 1.3",
            "2 Section 2",
            "  2.1 Clause 2.1",
        ]
    );
    assert_eq!(l.outline.len(), 12);
    assert!(l.outline.iter().all(|e| e.children.len() == 3));
}

#[test]
fn table_header_repeats_on_every_page() {
    let mut src = String::from("# Services\n\n| Service | Owner | Hours |\n|---|---|---|\n");
    for i in 0..150 {
        src.push_str(&format!("| Service {i} | Owner {i} | 07:00-19:00 |\n"));
    }
    let l = render(&src);
    assert!(l.pages.len() >= 3);
    for (i, p) in l.pages.iter().enumerate() {
        let text = p.text();
        let first_line = text
            .lines()
            .find(|l| l.starts_with("Service") || l.starts_with("1\u{2002}"))
            .unwrap();
        if i == 0 {
            assert!(text.contains("Service Owner Hours"), "{text}");
        } else {
            assert_eq!(
                first_line.trim(),
                "Service Owner Hours",
                "page {}:\n{text}",
                i + 1
            );
        }
    }
    // No row is split: every row's three cells are on one page.
    for i in 0..150 {
        let pages: Vec<usize> = l
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.text()
                    .contains(&format!("Service {i} Owner {i} 07:00-19:00"))
            })
            .map(|(n, _)| n)
            .collect();
        assert_eq!(pages.len(), 1, "row {i}");
    }
}

#[test]
fn signatures_and_keep_groups_are_not_split() {
    let filler =
        "Filler paragraph with enough words to take a couple of lines on the page. ".repeat(5);
    for n in 0..30 {
        let mut src = pushed_down(n, &filler);
        src.push_str("::: keep\n## Acceptance\n\nKeep me with the signatures.\n\n::: signatures\nA | Ann | X\nB | Bob | Y\nC | Cid | Z\n:::\n:::\n");
        let l = render(&src);
        let on: Vec<usize> = l
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let t = p.text();
                t.contains("Acceptance") || t.contains("Ann") || t.contains("Cid")
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(on.len(), 1, "n={n}: keep group split over pages {on:?}");
    }
}

#[test]
fn headings_are_not_stranded_at_page_bottom() {
    let filler =
        "Words that fill the page with a reasonable amount of text for testing. ".repeat(6);
    for n in 0..25 {
        let mut src = pushed_down(n, &filler);
        src.push_str("## Stranded?\n\nThe paragraph after the heading has several lines of text so that at least two of them follow the heading on the same page as the heading itself.\n");
        let l = render(&src);
        for p in &l.pages {
            let t = p.text();
            if let Some(pos) = t.find("Stranded?") {
                let after = &t[pos..];
                assert!(
                    after.lines().count() >= 3,
                    "n={n}: heading without following lines:\n{t}"
                );
            }
        }
    }
}

/// Whatever follows a heading (a table, a list, a sub-heading and its
/// table), the heading is never the last thing on its page.
#[test]
fn headings_stay_with_whatever_follows() {
    let filler =
        "Words that fill the page with a reasonable amount of text for testing. ".repeat(6);
    let mut table = String::from("| Tier | Credit |\n|---|---|\n");
    for i in 0..9 {
        table.push_str(&format!("| below 99.{i}% | {i}% of the monthly charge |\n"));
    }
    let list = "- first duty of the consumer\n- second duty of the consumer\n- third duty\n";
    let follows = [
        table.clone(),
        list.to_owned(),
        format!("### Credits\n\n{table}"),
        format!("### Duties\n\n{list}"),
    ];
    for (k, after) in follows.iter().enumerate() {
        for n in 0..25 {
            let mut src = pushed_down(n, &filler);
            src.push_str(&format!("## Stranded{k}\n\n{after}"));
            let l = render(&src);
            let mark = format!("Stranded{k}");
            for p in &l.pages {
                let body: Vec<&TextRun> = p
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) if t.role == Role::Body => Some(t),
                        _ => None,
                    })
                    .collect();
                if let Some(h) = body.iter().find(|t| t.text.contains(&mark)) {
                    assert!(
                        body.iter().any(|t| t.y > h.y + 1.0),
                        "k={k} n={n}: the heading ends its page:\n{}",
                        p.text()
                    );
                }
            }
        }
    }
}

#[test]
fn pdf_is_deterministic() {
    let opts = RenderOptions {
        meta: common::meta(),
        ..RenderOptions::default()
    };
    let a = render_markdown_to_pdf(DEMO, &opts, common::fonts()).unwrap();
    let b = render_markdown_to_pdf(DEMO, &opts, common::fonts()).unwrap();
    assert_eq!(a.pdf, b.pdf);
    // A fresh font set gives the same bytes too.
    let fresh = pactwright_typeset::FontSet::bundled().unwrap();
    let c = render_markdown_to_pdf(DEMO, &opts, &fresh).unwrap();
    assert_eq!(a.pdf, c.pdf);
    // Same layout, same bytes.
    assert_eq!(pdf::write_pdf(&a.layout, &opts.meta).unwrap(), a.pdf);
}

fn tool(name: &str) -> bool {
    let ok = Command::new(name).arg("-v").output().is_ok();
    if !ok {
        println!("NOTICE: `{name}` not installed; skipping its checks");
    }
    ok
}

fn write_tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pactwright-typeset-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn pdf_passes_external_tools() {
    let opts = RenderOptions {
        meta: common::meta(),
        ..RenderOptions::default()
    };
    let src = format!("{DEMO}\n\nGreek: Ελληνικά. Cyrillic: Кириллица. Ligatures: office fifty.\n");
    let out = render_markdown_to_pdf(&src, &opts, common::fonts()).unwrap();
    let path = write_tmp("demo.pdf", &out.pdf);
    if tool("qpdf") {
        let o = Command::new("qpdf")
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "qpdf: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    if tool("pdffonts") {
        let o = Command::new("pdffonts").arg(&path).output().unwrap();
        let s = String::from_utf8_lossy(&o.stdout);
        let rows: Vec<&str> = s.lines().skip(2).collect();
        assert!(rows.len() >= 4, "{s}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type... emb sub uni id gen
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                ["yes", "yes", "yes"],
                "font not embedded+subset+unicode: {row}"
            );
        }
    }
    if tool("pdftotext") {
        let o = Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let s = String::from_utf8_lossy(&o.stdout);
        for needle in [
            "Service Level Agreement",
            "1.2",
            "Parties and contacts",
            "Ελληνικά",
            "Кириллица",
            "office fifty",
            "Page 3 of",
        ] {
            assert!(s.contains(needle), "`{needle}` not extracted:\n{s}");
        }
    }
    if tool("qpdf") {
        // The PDF outline (bookmarks) is nested like the headings.
        let o = Command::new("qpdf")
            .args(["--json=2", "--json-key=outlines"])
            .arg(&path)
            .output()
            .unwrap();
        let json = String::from_utf8_lossy(&o.stdout);
        let titles: Vec<&str> = json
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"title\": \""))
            .map(|t| t.trim_end_matches(['"', ',']))
            .collect();
        // qpdf prints each entry's "kids" before its "title", so the titles
        // come in post-order: comparing with the heading tree's post-order
        // checks the nesting too.
        fn post(list: &[OutlineEntry], out: &mut Vec<String>) {
            for e in list {
                post(&e.children, out);
                out.push(e.title.clone());
            }
        }
        let mut expected = Vec::new();
        post(&out.layout.outline, &mut expected);
        assert_eq!(titles, expected);
        assert_eq!(
            titles[..3],
            ["1.1 Purpose", "1.2 Parties and contacts", "1 Introduction"]
        );
    }
    if tool("pdfinfo") {
        let o = Command::new("pdfinfo")
            .arg("-dests")
            .arg(&path)
            .output()
            .unwrap();
        let s = String::from_utf8_lossy(&o.stdout);
        assert!(
            s.contains("\"parties-and-contacts\""),
            "named destinations: {s}"
        );
        let o = Command::new("pdfinfo").arg(&path).output().unwrap();
        let s = String::from_utf8_lossy(&o.stdout);
        let field = |k: &str| {
            s.lines()
                .find_map(|l| l.strip_prefix(k).map(|v| v.trim().to_string()))
                .unwrap_or_default()
        };
        assert_eq!(field("Title:"), "Test Agreement");
        assert_eq!(field("Author:"), "Tester");
        assert_eq!(field("CreationDate:"), "Thu Jan  2 03:04:05 2025 UTC");
        assert_eq!(field("Pages:"), out.page_count.to_string());
    }
}

#[test]
fn preview_paints_the_same_page() {
    use pactwright_typeset::paint::page_paint;
    let l = render(DEMO);
    let page = &l.pages[2];
    let p = page_paint(&l, 2).unwrap();
    assert_eq!((p.width, p.height), (page.width, page.height));
    let runs: Vec<_> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    // Every run with a visible glyph is painted where the layout put it.
    let visible: Vec<_> = runs.iter().filter(|r| r.text.trim() != "").collect();
    assert_eq!(p.runs.len(), visible.len());
    for (run, painted) in visible.iter().zip(&p.runs) {
        assert_eq!((painted.x, painted.y), (run.x, run.y));
        assert_eq!(painted.glyphs.len(), painted.xs.len());
        let face = &l.fonts[usize::from(run.font)];
        assert_eq!(
            p.fonts[usize::from(painted.font)],
            format!("{}#{}", face.name, face.index)
        );
        // Glyph x positions are the laid-out advances, in font units.
        let last_id = *painted.glyphs.last().unwrap();
        let last = run.glyphs.iter().rposition(|g| g.id == last_id).unwrap();
        let x: f32 = run.glyphs[..last].iter().map(|g| g.advance).sum();
        let painted_x = painted.xs.last().unwrap() * painted.scale;
        assert!(
            (painted_x - x).abs() < 0.5,
            "{painted_x} vs {x} in {:?}",
            run.text
        );
    }
    // One outline per glyph drawn, none twice.
    let mut keys: Vec<_> = p.outlines.iter().map(|o| (o.font, o.glyph)).collect();
    let n = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), n);
    assert!(p.runs.iter().all(|r| {
        r.glyphs
            .iter()
            .all(|g| keys.binary_search(&(r.font, *g)).is_ok())
    }));
    assert!(
        p.outlines
            .iter()
            .all(|o| o.path.starts_with('M') && o.path.ends_with('Z'))
    );
    let lines = page
        .items
        .iter()
        .filter(|i| matches!(i, Item::Line { .. }))
        .count();
    assert_eq!(p.lines.len(), lines);
    assert!(page_paint(&l, 99).is_none());
}

/// A table of up to six rows is never split: it moves to the next page
/// whole (with the heading or sentence kept with it).
#[test]
fn short_tables_are_never_split() {
    let filler = "Filler text for the page that wraps over a few lines of the body. ".repeat(5);
    for rows in [2, 3, 6] {
        let mut table = String::from("| Tier | Credit |\n|---|---|\n");
        for i in 0..rows {
            table.push_str(&format!("| rowmark{i} | {i}0% of the monthly charge |\n"));
        }
        for n in 0..30 {
            let mut src = pushed_down(n, &filler);
            src.push_str("Lead-in sentence.\n\n");
            src.push_str(&table);
            let l = render(&src);
            let pages: Vec<usize> = l
                .pages
                .iter()
                .map(|p| p.text().lines().filter(|t| t.contains("rowmark")).count())
                .filter(|&r| r > 0)
                .collect();
            assert_eq!(
                pages,
                vec![rows],
                "n={n}: a {rows}-row table split as {pages:?}"
            );
        }
    }
}

/// A longer table split across pages keeps at least three rows where it
/// starts and never leaves its last row alone under the repeated header.
#[test]
fn no_widowed_table_rows() {
    let filler = "Filler text for the page that wraps over a few lines of the body. ".repeat(5);
    let mut table = String::from("| Row | Value |\n|---|---|\n");
    for i in 0..12 {
        table.push_str(&format!("| rowmark{i} | the value of row {i} |\n"));
    }
    let mut splits = 0;
    for n in 0..30 {
        let mut src = pushed_down(n, &filler);
        src.push_str("Lead-in sentence.\n\n");
        src.push_str(&table);
        let l = render(&src);
        let rows: Vec<usize> = l
            .pages
            .iter()
            .map(|p| p.text().lines().filter(|t| t.contains("rowmark")).count())
            .filter(|&r| r > 0)
            .collect();
        assert_eq!(
            rows.iter().sum::<usize>(),
            12,
            "n={n}: every row printed once"
        );
        if rows.len() > 1 {
            splits += 1;
            assert!(rows[0] >= 3, "n={n}: split before the third row: {rows:?}");
            assert!(rows[rows.len() - 1] >= 2, "n={n}: rows per page {rows:?}");
        }
    }
    assert!(splits > 0, "the test never split the table");
}

#[test]
fn no_widows_or_orphans() {
    let filler = "Filler text for the page that wraps over a few lines of the body. ".repeat(5);
    let marked: String = (0..90).map(|i| format!("zq{i} ")).collect();
    let mut splits = 0;
    for n in 0..30 {
        let mut src = pushed_down(n, &filler);
        src.push_str(&marked);
        src.push('\n');
        let l = render(&src);
        let mut pages_with = 0;
        for p in &l.pages {
            let lines = p.text().lines().filter(|l| l.contains("zq")).count();
            assert!(
                lines == 0 || lines >= 2,
                "n={n}: a page holds {lines} line(s) of the paragraph"
            );
            pages_with += usize::from(lines > 0);
        }
        assert!(pages_with >= 1);
        splits += usize::from(pages_with > 1);
    }
    assert!(splits > 0, "the test never split the paragraph");
}

/// A combining mark is drawn over its base (an offset from the pen
/// position); runs without marks carry no offsets at all.
#[test]
fn marks_sit_on_their_base_and_plain_runs_have_no_offsets() {
    let l = render("Plain words here.\n\nMarked q\u{301} and x\u{323} here.");
    let runs: Vec<_> = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(r) => Some(r),
            _ => None,
        })
        .collect();
    let plain = runs.iter().find(|r| r.text.contains("Plain")).unwrap();
    assert!(plain.offsets.is_empty());
    assert!((0..plain.glyphs.len()).all(|i| !plain.is_offset(i)));
    let marked = runs.iter().find(|r| r.text.contains("Marked")).unwrap();
    assert_eq!(marked.offsets.len(), marked.glyphs.len());
    let moved: Vec<usize> = (0..marked.glyphs.len())
        .filter(|&i| marked.is_offset(i))
        .collect();
    assert_eq!(moved.len(), 2, "{:?}", marked.offsets);
    // Each mark is drawn over the glyph before it, not after it.
    for &i in &moved {
        let pen: f32 = marked.glyphs[..i].iter().map(|g| g.advance).sum();
        let base = pen - marked.glyphs[i - 1].advance;
        let drawn = pen + marked.offset(i)[0];
        assert!(
            drawn >= base - 0.5 && drawn <= pen + 0.5,
            "{base} {drawn} {pen}"
        );
    }
}
