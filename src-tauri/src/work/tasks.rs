//! The tasks fed by the latest edit, and the watch on the open file.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::watch;

use super::{Edit, TargetBudgetOf, WorkEvent, emit};
use crate::checks::CheckError;
use crate::dto::DowntimeBudget;
use crate::ipc::GroupError;
use crate::preview::PreviewError;
use crate::state::{AppState, lock, stamp_file};

/// How long the checks wait for a pause in typing: they are cheap, but
/// findings that flicker while a word is half typed help nobody.
const CHECK_SETTLE: Duration = Duration::from_millis(150);
/// How often at most the recovery copy is rewritten while typing.
const RECOVERY_EVERY: Duration = Duration::from_secs(2);
/// How often the open file is looked at for changes by other programs.
const DISK_EVERY: Duration = Duration::from_secs(1);

/// When a task takes the latest edit after being told of one.
#[derive(Debug, Clone, Copy)]
enum Pace {
    /// At once (the preview: a layout already running makes the next edit
    /// wait for it, so layouts never queue).
    AtOnce,
    /// Once no edit has come for this long.
    Settle(Duration),
    /// This long after the first edit, whatever comes after it.
    Throttle(Duration),
}

type Latest = watch::Sender<Option<Arc<Edit>>>;

/// Starts every task.
pub(super) fn start<R: Runtime>(app: &AppHandle<R>, latest: &Latest) {
    feed(app, latest, Pace::AtOnce, preview);
    feed(app, latest, Pace::Settle(CHECK_SETTLE), check);
    feed(app, latest, Pace::AtOnce, budgets);
    let recovered = Mutex::new(None);
    feed(
        app,
        latest,
        Pace::Throttle(RECOVERY_EVERY),
        move |app, edit| {
            recover(app, edit, &recovered);
        },
    );
    tauri::async_runtime::spawn(watch_disk(app.clone()));
}

/// Runs `work` on each latest edit, on a blocking thread (the runtime's,
/// with the stack the engine needs), one edit at a time.
fn feed<R: Runtime>(
    app: &AppHandle<R>,
    latest: &Latest,
    pace: Pace,
    work: impl Fn(&AppHandle<R>, &Edit) + Send + Sync + 'static,
) {
    let mut edits = latest.subscribe();
    let app = app.clone();
    let work = Arc::new(work);
    tauri::async_runtime::spawn(async move {
        loop {
            if edits.changed().await.is_err() {
                return;
            }
            match pace {
                Pace::AtOnce => {}
                Pace::Throttle(d) => tokio::time::sleep(d).await,
                Pace::Settle(d) => loop {
                    match tokio::time::timeout(d, edits.changed()).await {
                        Ok(Ok(())) => {}
                        Ok(Err(_)) => return,
                        Err(_) => break,
                    }
                },
            }
            let Some(edit) = edits.borrow_and_update().clone() else {
                continue;
            };
            let (app, work) = (app.clone(), Arc::clone(&work));
            // A failure inside is caught by each kind of work and reported
            // as its result; the task carries on with the next edit.
            let _ = tauri::async_runtime::spawn_blocking(move || {
                let _ = pactwright::failure::catch(|| work(&app, &edit));
            })
            .await;
        }
    });
}

/// The preview: the draft laid out, kept for `preview_page`.
fn preview<R: Runtime>(app: &AppHandle<R>, edit: &Edit) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let result = pactwright::failure::catch(|| crate::preview::commands::render(&state, edit))
        .unwrap_or_else(|f| Err(PreviewError::Failed(f.to_string())));
    emit(
        app,
        &match result {
            Ok(info) => WorkEvent::Laid {
                edit: edit.id,
                info,
            },
            Err(e) => WorkEvent::PreviewFailed {
                edit: edit.id,
                error: e.to_ipc(),
            },
        },
    );
}

/// The findings.
fn check<R: Runtime>(app: &AppHandle<R>, edit: &Edit) {
    emit(
        app,
        &match pactwright::failure::catch(|| crate::checks::check(edit.read())) {
            Ok(result) => WorkEvent::Checked {
                edit: edit.id,
                result,
            },
            Err(f) => WorkEvent::CheckFailed {
                edit: edit.id,
                error: CheckError::Failed(f.to_string()).to_ipc(),
            },
        },
    );
}

/// The downtime budget of every availability target (cheap: worked out
/// for every edit taken, so the last one sent always matches the draft).
fn budgets<R: Runtime>(app: &AppHandle<R>, edit: &Edit) {
    let budgets = pactwright::downtime::draft_budgets(&edit.draft)
        .into_iter()
        .map(|(index, budget)| TargetBudgetOf {
            index: index as u32,
            budget: DowntimeBudget(budget),
        })
        .collect();
    emit(
        app,
        &WorkEvent::Budgets {
            edit: edit.id,
            budgets,
        },
    );
}

/// The recovery copy of unsaved edits, when there are any it lacks.
fn recover<R: Runtime>(app: &AppHandle<R>, edit: &Edit, written: &Mutex<Option<u64>>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    if !state.is_dirty() || *lock(written) == Some(edit.id) {
        return;
    }
    let path = state.doc().path.map(|p| p.display().to_string());
    if state.recovery().write(path, edit.draft.clone()).is_ok() {
        *lock(written) = Some(edit.id);
    }
}

/// What a file looked like the last time it was read.
type Seen = (PathBuf, Option<(u64, Option<SystemTime>)>);

/// Tells the UI when the open file is changed or removed by another
/// program. Its size and time are looked at every second; its content is
/// read only when they change.
async fn watch_disk<R: Runtime>(app: AppHandle<R>) {
    let mut tick = tokio::time::interval(DISK_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut seen: Option<Seen> = None;
    let mut reported: Option<(PathBuf, Option<u64>)> = None;
    loop {
        tick.tick().await;
        let Some(state) = app.try_state::<AppState>() else {
            continue;
        };
        let doc = state.doc();
        let (Some(path), Some(stamp)) = (doc.path, doc.stamp) else {
            continue;
        };
        // One system call; the content is read only when it tells of a change.
        let meta = std::fs::metadata(&path)
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        let looked = (path.clone(), meta);
        if seen.as_ref() == Some(&looked) {
            continue;
        }
        seen = Some(looked);
        let read = path.clone();
        let Ok(now) = tauri::async_runtime::spawn_blocking(move || stamp_file(&read)).await else {
            continue;
        };
        if now == Some(stamp) {
            reported = None;
            continue;
        }
        let this = (path.clone(), now);
        if reported.as_ref() == Some(&this) {
            continue;
        }
        reported = Some(this);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        emit(
            &app,
            &WorkEvent::ChangedOnDisk {
                path: path.display().to_string(),
                name,
                removed: now.is_none(),
            },
        );
    }
}
