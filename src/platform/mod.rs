//! The only code that touches the browser: storage, clipboard, downloads,
//! printing, history, focus and title, the clock, the mount point, the
//! languages' texts. Every
//! function returns a value or an error value; none panics when the browser
//! refuses (private mode, blocked storage, no clipboard permission).

pub mod dom;
pub mod files;
pub mod panic;
pub mod plain_start;
pub mod storage;
pub mod texts;
