//! Preview commands.

use std::sync::Arc;

use pactwright_typeset::Layout;
use pactwright_typeset::layout::OutlineEntry;
use serde_json::Value;
use tauri::State;

use super::PreviewError;
use crate::dto::{FieldAt, OutlineItem, PagePaint, PreviewInfo, PreviewSpot};
use crate::engine::engine;
use crate::state::{AppState, lock};
use crate::work::Edit;

fn flatten(entries: &[OutlineEntry], out: &mut Vec<OutlineItem>) {
    for e in entries {
        out.push(OutlineItem {
            level: e.level,
            title: e.title.clone(),
            page: e.page as u32,
        });
        flatten(&e.children, out);
    }
}

/// Lays the edited draft out and keeps the pages (fields that cannot be
/// read are left out, so a half-typed value does not blank the preview).
pub fn render(state: &AppState, edit: &Edit) -> Result<PreviewInfo, PreviewError> {
    let engine = engine().map_err(PreviewError::Engine)?;
    let agreement = edit
        .read()
        .agreement
        .as_ref()
        .ok_or(PreviewError::Unreadable)?;
    let laid = engine
        .layout(agreement)
        .map_err(|e| PreviewError::Render(e.to_string()))?;
    let mut outline = Vec::new();
    flatten(&laid.layout.outline, &mut outline);
    let (width, height) = laid
        .layout
        .pages
        .first()
        .map_or((595.0, 842.0), |p| (p.width, p.height));
    let page_count = laid.layout.pages.len() as u32;
    let mut cache = lock(&state.preview);
    cache.revision += 1;
    cache.layout = Some(Arc::new(laid.layout));
    cache.draft = Some(Arc::new(edit.draft.clone()));
    Ok(PreviewInfo {
        revision: cache.revision,
        page_count,
        width,
        height,
        outline,
        millis: laid.millis,
    })
}

/// The kept layout and its draft, when `revision` is the current one.
fn kept(state: &AppState, revision: u32) -> Option<(Arc<Layout>, Arc<Value>)> {
    let cache = lock(&state.preview);
    match (&cache.layout, &cache.draft, cache.revision == revision) {
        (Some(l), Some(d), true) => Some((Arc::clone(l), Arc::clone(d))),
        _ => None,
    }
}

/// Where the field at `pointer` is printed in layout `revision` (on the
/// pages `from_page` to `to_page` when it is there); `None` when nothing
/// of it is printed, or the layout is no longer the current one.
pub fn locate(
    state: &AppState,
    revision: u32,
    pointer: &str,
    prefer: Option<(u32, u32)>,
) -> Option<PreviewSpot> {
    let (layout, draft) = kept(state, revision)?;
    super::locate::locate(
        &layout,
        &draft,
        pointer,
        prefer.map(|(a, b)| (a as usize, b as usize)),
    )
}

/// Which field the text at (`x`, `y`) points of page `index` of layout
/// `revision` comes from.
pub fn field_at(
    state: &AppState,
    revision: u32,
    index: u32,
    x: f32,
    y: f32,
) -> Result<FieldAt, PreviewError> {
    let (layout, draft) = kept(state, revision).ok_or(PreviewError::NoPage(index))?;
    Ok(super::locate::field_at(
        &layout,
        &draft,
        index as usize,
        x,
        y,
    ))
}

/// Where a field's text is printed in the current layout.
#[tauri::command(rename_all = "snake_case")]
pub fn preview_locate(
    state: State<'_, AppState>,
    revision: u32,
    pointer: String,
    from_page: Option<u32>,
    to_page: Option<u32>,
) -> Option<PreviewSpot> {
    let prefer = from_page.map(|f| (f, to_page.unwrap_or(f)));
    locate(&state, revision, &pointer, prefer)
}

/// The field a click on a preview page points at.
#[tauri::command(rename_all = "snake_case")]
pub fn preview_field_at(
    state: State<'_, AppState>,
    revision: u32,
    index: u32,
    x: f32,
    y: f32,
) -> Result<FieldAt, PreviewError> {
    field_at(&state, revision, index, x, y)
}

/// One page of the kept layout, as a display list.
pub fn page(state: &AppState, revision: u32, index: u32) -> Result<PagePaint, PreviewError> {
    let layout = {
        let cache = lock(&state.preview);
        match (&cache.layout, cache.revision == revision) {
            (Some(l), true) => Arc::clone(l),
            _ => return Err(PreviewError::NoPage(index)),
        }
    };
    pactwright_typeset::paint::page_paint(&layout, index as usize)
        .ok_or(PreviewError::NoPage(index))
}

/// Draws one page of the current layout.
#[tauri::command(rename_all = "snake_case")]
pub async fn preview_page(
    state: State<'_, AppState>,
    revision: u32,
    index: u32,
) -> Result<PagePaint, PreviewError> {
    page(&state, revision, index)
}
