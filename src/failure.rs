//! Failures inside Pactwright: a panic anywhere in the checks, templates,
//! layout or writing becomes a [`Failure`] with its message and place, for
//! the command line (exit 2) and the app (a modal that keeps the draft) to
//! show. Nothing a user or a file supplies should panic; this is the net
//! under that promise, not a way of reporting bad input.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// What failed inside, as far as the panic told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The panic's message ("an unknown failure" when it carried none).
    pub message: String,
    /// Where it happened (`file:line`), when known.
    pub place: Option<String>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(place) = &self.place {
            write!(f, " ({place})")?;
        }
        Ok(())
    }
}

thread_local! {
    /// The last panic on this thread, recorded by the hook for [`catch`].
    static LAST: RefCell<Option<Failure>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// The panic's message from its payload.
pub fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "an unknown failure".to_owned())
}

/// Installs (once per process) a panic hook that records each panic's
/// message and place for [`catch`], then runs the hook that was there
/// before (the standard one prints to stderr; the command line replaces it
/// with a silent one first and reports the failure in its own words).
pub fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let failure = Failure {
                message: payload_message(info.payload()),
                place: info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line())),
            };
            LAST.with(|last| *last.borrow_mut() = Some(failure));
            previous(info);
        }));
    });
}

/// Runs `work`, turning a panic inside it into a [`Failure`]. A panic on
/// another thread that `work` joins and re-raises keeps the message it
/// carried (its place is that thread's, when the hook saw it there).
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, Failure> {
    install_hook();
    LAST.with(|last| last.borrow_mut().take());
    panic::catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        let recorded = LAST.with(|last| last.borrow_mut().take());
        let message = payload_message(payload.as_ref());
        match recorded {
            Some(f) if f.message == message => f,
            _ => Failure {
                message,
                place: None,
            },
        }
    })
}

/// Debug builds only: the stage a test asked to fail (see [`test_trigger`]).
#[cfg(debug_assertions)]
static FORCED: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Debug builds only: makes [`test_trigger`] fail at `stage` (`None`: at
/// none), for tests of the app's handling that run in one process.
#[cfg(debug_assertions)]
#[doc(hidden)]
pub fn force_failure(stage: Option<&str>) {
    let mut forced = FORCED.lock().unwrap_or_else(|p| p.into_inner());
    *forced = stage.map(str::to_owned);
}

/// Debug builds only: panics when `PACTWRIGHT_TEST_PANIC` (or
/// [`force_failure`]) names `stage` (`checks`, `layout`, `write`, or
/// `all`), so tests can see what a failure inside looks like from the
/// outside. Release builds compile it to nothing.
#[inline]
pub fn test_trigger(stage: &str) {
    #[cfg(debug_assertions)]
    {
        let forced = FORCED.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let at = forced.or_else(|| std::env::var("PACTWRIGHT_TEST_PANIC").ok());
        if at.is_some_and(|at| at == stage || at == "all") {
            panic!("test failure requested in {stage}");
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = stage;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_failure_with_its_message_and_place() {
        let f = catch(|| -> u8 { panic!("boom {}", 7) }).expect_err("it panicked");
        assert_eq!(f.message, "boom 7");
        let place = f.place.expect("the hook saw the place");
        assert!(place.starts_with("src/failure.rs:"), "{place}");
    }

    #[test]
    fn work_that_finishes_gives_its_value() {
        assert_eq!(catch(|| 41 + 1), Ok(42));
    }

    #[test]
    fn a_panic_on_a_joined_thread_keeps_its_message() {
        let f = catch(|| {
            std::thread::scope(|s| {
                s.spawn(|| panic!("inside a worker"))
                    .join()
                    .unwrap_or_else(|p| panic::resume_unwind(p))
            })
        })
        .expect_err("it panicked");
        assert_eq!(f.message, "inside a worker");
    }
}
