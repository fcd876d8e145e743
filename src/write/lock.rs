//! The plan's lock, `plan/.ctg.lock`: concurrent `record`s wait for each
//! other, say so after a second, and give up after a documented timeout.

use super::{Options, Refusal};
use std::fs::{File, OpenOptions, TryLockError};
use std::time::{Duration, Instant};

/// The lock file in the plan folder that serialises concurrent records.
pub const LOCK_FILE: &str = ".ctg.lock";
/// How long `record` waits in silence before saying what it waits for.
const SAY_AFTER: Duration = Duration::from_secs(1);
/// How often the lock is tried again.
const RETRY: Duration = Duration::from_millis(20);

/// Takes the plan's lock, waiting for another `ctg` to release it: after a
/// second it says which file it waits on; after the timeout it gives up
/// and nothing is written. A lock file that is a link is not followed.
/// Then removes the temporary files a killed writer left, in the plan
/// folder and in `actions/`.
pub(super) fn take(opts: &Options) -> Result<File, Refusal> {
    let path = opts.plan_dir.join(LOCK_FILE);
    let shown = opts.shown_dir.join(LOCK_FILE);
    let fail = |e: std::io::Error| Refusal::CannotLock(shown.clone(), e.kind());
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let file = options.open(&path).map_err(fail)?;
    let timeout = opts.lock_timeout;
    let start = Instant::now();
    let mut said = false;
    loop {
        match file.try_lock() {
            Ok(()) => {
                super::atomic::sweep(opts.plan_dir);
                super::atomic::sweep(&opts.plan_dir.join("actions"));
                return Ok(file);
            }
            Err(TryLockError::Error(e)) => return Err(fail(e)),
            Err(TryLockError::WouldBlock) => {}
        }
        let waited = start.elapsed();
        if waited >= timeout {
            return Err(Refusal::LockTimeout(shown, timeout.as_secs()));
        }
        if waited >= SAY_AFTER && !said {
            (opts.on_wait)(&shown);
            said = true;
        }
        std::thread::sleep(RETRY);
    }
}
