//! Preview commands.

use std::sync::Arc;

use pactwright_typeset::layout::OutlineEntry;
use tauri::State;

use super::PreviewError;
use crate::dto::{OutlineItem, PagePaint, PreviewInfo};
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
    Ok(PreviewInfo {
        revision: cache.revision,
        page_count,
        width,
        height,
        outline,
        millis: laid.millis,
    })
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
