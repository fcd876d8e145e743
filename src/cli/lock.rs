//! The plan's lock, `plan/.ctg.lock`: concurrent `record`s wait for each
//! other, say so after a second, and give up after a documented timeout.

use super::context::{Context, env};
use super::messages::Msg;
use super::{Failure, tell};
use std::fs::{File, OpenOptions, TryLockError};
use std::time::{Duration, Instant};

/// The lock file in the plan folder that serialises concurrent records.
pub(super) const LOCK_FILE: &str = ".ctg.lock";
/// How long `record` waits for another `ctg` to release the lock before it
/// gives up, unless `CTG_LOCK_TIMEOUT` gives another number of seconds.
pub(super) const LOCK_TIMEOUT: Duration = Duration::from_secs(30);
/// How long `record` waits in silence before saying what it waits for.
const SAY_AFTER: Duration = Duration::from_secs(1);
/// How often the lock is tried again.
const RETRY: Duration = Duration::from_millis(20);

/// Takes the plan's lock, waiting for another `ctg` to release it: after a
/// second it says which file it waits on; after the timeout it gives up
/// and nothing is written. A lock file that is a link is not followed.
pub(super) fn take(ctx: &Context) -> Result<File, Failure> {
    let path = ctx.plan_dir.join(LOCK_FILE);
    let shown = ctx.shown_dir.join(LOCK_FILE);
    let fail = |e: std::io::Error| Failure::Refused(Msg::CannotLock(shown.clone(), e.kind()));
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let file = options.open(&path).map_err(fail)?;
    let timeout = env("CTG_LOCK_TIMEOUT")
        .and_then(|s| s.trim().parse().ok())
        .map_or(LOCK_TIMEOUT, Duration::from_secs);
    let start = Instant::now();
    let mut said = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::Error(e)) => return Err(fail(e)),
            Err(TryLockError::WouldBlock) => {}
        }
        let waited = start.elapsed();
        if waited >= timeout {
            return Err(Failure::Refused(Msg::LockTimeout(shown, timeout.as_secs())));
        }
        if waited >= SAY_AFTER && !said {
            tell(&Msg::WaitingForLock(shown.clone()), ctx.lang);
            said = true;
        }
        std::thread::sleep(RETRY);
    }
}
