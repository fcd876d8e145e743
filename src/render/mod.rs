//! Renderers.
pub mod csv;
pub mod diagnostics;
pub mod fmt;
pub mod log;
pub mod show;
pub mod status;
pub mod table;
