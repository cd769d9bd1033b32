//! Work spread over the machine's cores: a map over a slice on scoped threads that
//! keeps the order of the slice.

use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `f` of every item, in the order of `items`, computed on as many threads as the
/// machine has cores. Threads take the items in order, so the largest should come first.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut done: Vec<(usize, R)> = thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(items.len()))
            .map(|_| scope.spawn(work))
            .collect();
        let mut done = work();
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| panic::resume_unwind(panic)),
            );
        }
        done
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        let slow_first = |n: &u64| {
            if *n < 4 {
                thread::sleep(std::time::Duration::from_millis(20));
            }
            n * n
        };
        let squares: Vec<u64> = items.iter().map(|n| n * n).collect();
        assert_eq!(map(&items, slow_first), squares);
        assert_eq!(map(&[] as &[u64], slow_first), Vec::<u64>::new());
    }
}
