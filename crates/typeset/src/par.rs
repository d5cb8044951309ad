//! The one place work is split across threads, for the engine and for the
//! core that drives it (templates, the command line's render).
//!
//! Three rules hold for every helper here:
//! - a thread the system refuses is not an error: the work runs on the
//!   calling thread instead (more slowly, never differently);
//! - a panic on a helper thread reaches the caller with its own payload
//!   (so its message survives to the failure report);
//! - results come back in job order, so output never depends on which
//!   thread finished first.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread::{Builder, ScopedJoinHandle};

/// Threads worth using for the parallel parts of a render (templates,
/// layout, page streams, compression): the machine's cores, at most 4
/// (more do not pay for their cold caches). Asked of the system once (it
/// reads cgroup limits), not on every render.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(4)
    })
}

/// Stack for threads that walk a document tree: as much as the engine asks
/// of the threads that call it (the app's and the command line's).
pub const DEEP_STACK: usize = 16 << 20;

/// Runs `work(state, i)` for every job `i` in `0..jobs` on up to `threads`
/// threads, each taking the next job nobody has taken yet (so a thread done
/// early takes more), and returns the results in job order. The calling
/// thread works with `own`, the others each with a state from `init`
/// (shaping caches, for instance). Helper threads get `stack` bytes of
/// stack; when none can be started, the calling thread does every job.
pub fn in_turns<S, R: Send>(
    jobs: usize,
    threads: usize,
    stack: usize,
    own: &mut S,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> R + Sync,
) -> Vec<R> {
    in_turns_starting(true, jobs, threads, stack, own, init, work)
}

/// [`in_turns`], starting no thread when `start` is false (as when the
/// system refuses them), for the tests.
fn in_turns_starting<S, R: Send>(
    start: bool,
    jobs: usize,
    threads: usize,
    stack: usize,
    own: &mut S,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let take = |state: &mut S| {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= jobs {
                return done;
            }
            done.push((i, work(state, i)));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(jobs))
            .filter(|_| start)
            .filter_map(|_| {
                Builder::new()
                    .stack_size(stack)
                    .spawn_scoped(scope, || take(&mut init()))
                    .ok()
            })
            .collect();
        let mut done = take(own);
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Runs `work` on a thread named `name` with `stack` bytes of stack and
/// waits for it; on the calling thread when no thread can be started.
pub fn with_stack<T: Send>(name: &str, stack: usize, work: impl FnOnce() -> T + Send) -> T {
    beside(name, stack, work, |side| side.join())
}

/// Starts `side` on a thread named `name` (with `stack` bytes of stack)
/// and runs `here` on the calling thread meanwhile, handing it the
/// [`Beside`] to join when it needs `side`'s result. When no thread can be
/// started, `side` runs on the calling thread at the join. A `side` never
/// joined is waited for before this returns (its result dropped).
pub fn beside<'env, A: Send + 'env, B>(
    name: &str,
    stack: usize,
    side: impl FnOnce() -> A + Send + 'env,
    here: impl for<'scope> FnOnce(Beside<'scope, 'env, A>) -> B,
) -> B {
    beside_starting(true, name, stack, side, here)
}

type Job<'env, A> = Box<dyn FnOnce() -> A + Send + 'env>;

/// [`beside`], starting no thread when `start` is false (as when the
/// system refuses one), for the tests.
fn beside_starting<'env, A: Send + 'env, B>(
    start: bool,
    name: &str,
    stack: usize,
    side: impl FnOnce() -> A + Send + 'env,
    here: impl for<'scope> FnOnce(Beside<'scope, 'env, A>) -> B,
) -> B {
    // The job waits in a slot both threads can reach: the helper takes it
    // when it starts, the caller when no helper could be started.
    let slot: Mutex<Option<Job<'env, A>>> = Mutex::new(Some(Box::new(side)));
    std::thread::scope(|scope| {
        let slot = &slot;
        let thread = if start {
            Builder::new()
                .name(name.to_owned())
                .stack_size(stack)
                .spawn_scoped(scope, move || take(slot).map(|job| job()))
                .ok()
        } else {
            None
        };
        here(Beside { thread, slot })
    })
}

fn take<'env, A>(slot: &Mutex<Option<Job<'env, A>>>) -> Option<Job<'env, A>> {
    slot.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take()
}

/// Work started by [`beside`], to be joined for its result.
pub struct Beside<'scope, 'env, A> {
    thread: Option<ScopedJoinHandle<'scope, Option<A>>>,
    slot: &'scope Mutex<Option<Job<'env, A>>>,
}

impl<A> Beside<'_, '_, A> {
    /// The side work's result: waits for its thread, or runs it here when
    /// it has not run (no thread could be started). A panic in it goes on
    /// here, with its payload.
    pub fn join(self) -> A {
        let ran = self
            .thread
            .map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        match ran.flatten() {
            Some(a) => a,
            None => match take(self.slot) {
                Some(job) => job(),
                // Unreachable: the job is either in the slot or ran.
                None => unreachable!("side work neither ran nor waits"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_turns_gives_results_in_job_order() {
        let squares = in_turns(100, 4, 1 << 20, &mut (), || (), |(), i| i * i);
        assert_eq!(squares, (0..100).map(|i| i * i).collect::<Vec<_>>());
    }

    #[test]
    fn in_turns_does_every_job_here_when_threads_are_refused() {
        let here = std::thread::current().id();
        let mut own = 0;
        let done = in_turns_starting(
            false,
            10,
            4,
            1 << 20,
            &mut own,
            || 0,
            |count: &mut i32, i| {
                *count += 1;
                (i, std::thread::current().id())
            },
        );
        assert_eq!(own, 10, "the calling thread's state did all ten");
        assert!(
            done.iter()
                .enumerate()
                .all(|(k, (i, t))| k == *i && *t == here)
        );
    }

    #[test]
    fn in_turns_keeps_a_helpers_panic_message() {
        let caught = std::panic::catch_unwind(|| {
            in_turns(
                8,
                4,
                1 << 20,
                &mut (),
                || (),
                |(), i| {
                    assert!(i != 5, "job {i} failed");
                    i
                },
            )
        })
        .expect_err("job 5 panics");
        let message = caught.downcast_ref::<String>().cloned().unwrap_or_default();
        assert_eq!(message, "job 5 failed");
    }

    #[test]
    fn beside_runs_on_another_thread_with_its_name() {
        let (side, here) = beside(
            "pactwright-test",
            1 << 20,
            || std::thread::current().name().map(str::to_owned),
            |b| (b.join(), std::thread::current().name().map(str::to_owned)),
        );
        assert_eq!(side.as_deref(), Some("pactwright-test"));
        assert_ne!(side, here);
    }

    #[test]
    fn beside_runs_the_side_work_at_the_join_when_threads_are_refused() {
        let here = std::thread::current().id();
        let order = Mutex::new(Vec::new());
        let side = beside_starting(
            false,
            "pactwright-test",
            1 << 20,
            || {
                order.lock().unwrap().push("side");
                std::thread::current().id()
            },
            |b| {
                order.lock().unwrap().push("here");
                b.join()
            },
        );
        assert_eq!(side, here);
        assert_eq!(*order.lock().unwrap(), ["here", "side"]);
    }

    #[test]
    fn with_stack_gives_deep_work_its_stack() {
        // 64 KiB frames 200 deep: 12.5 MiB, more than a default thread has.
        fn deep(n: usize) -> usize {
            let frame = std::hint::black_box([1u8; 64 << 10]);
            if n == 0 {
                usize::from(frame[7])
            } else {
                deep(n - 1) + usize::from(frame[n % 1024])
            }
        }
        assert_eq!(with_stack("pactwright-deep", 32 << 20, || deep(200)), 201);
    }
}
