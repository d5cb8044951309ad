//! The async runtime the shell's commands and background work run on:
//! Tauri's, but built here so that its threads (the blocking ones lay out
//! the preview and write exports) have the stack the engine needs.

use std::sync::OnceLock;

/// Stack for the runtime's threads. The engine's recursion is bounded
/// (nesting in a clause body is flattened past 32 levels), and the
/// templates render on their own large-stack threads; this leaves ample
/// room on top, and costs only address space until it is touched.
pub const THREAD_STACK: usize = 16 * 1024 * 1024;

static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();

/// Builds the runtime and hands it to Tauri; call before the app is
/// built. Calling it again does nothing. When the runtime cannot be built
/// Tauri's own is used.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let built = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("pactwright-work")
            .thread_stack_size(THREAD_STACK)
            .build();
        match built {
            Ok(runtime) => {
                let handle = RUNTIME.get_or_init(|| runtime).handle().clone();
                tauri::async_runtime::set(handle);
            }
            Err(e) => eprintln!("pactwright-app: using the default async runtime ({e})"),
        }
    });
}

/// With `PACTWRIGHT_TRACE_START` set, prints how long after the process
/// started `what` happened (for profiling the start: see BENCHMARKS.md).
pub fn trace_start(what: &str) {
    if std::env::var_os("PACTWRIGHT_TRACE_START").is_none() {
        return;
    }
    let since_boot = |stat: &str| -> Option<f64> {
        // Field 22 of /proc/self/stat: start time in clock ticks since boot.
        let after = stat.rsplit_once(')')?.1;
        after.split_whitespace().nth(19)?.parse::<f64>().ok()
    };
    let uptime = std::fs::read_to_string("/proc/uptime").ok();
    let stat = std::fs::read_to_string("/proc/self/stat").ok();
    if let (Some(up), Some(start)) = (
        uptime.and_then(|u| u.split_whitespace().next()?.parse::<f64>().ok()),
        stat.as_deref().and_then(since_boot),
    ) {
        // Clock ticks are 1/100 s on Linux.
        eprintln!(
            "pactwright-app: {what} at {:.0} ms",
            (up - start / 100.0) * 1000.0
        );
    }
}
