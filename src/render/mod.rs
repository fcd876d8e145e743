//! Renderers.
pub mod annual;
pub mod csv;
pub mod diagnostics;
pub mod document;
pub mod evaluation;
pub mod evaluation_json;
pub mod fmt;
pub mod grid;
pub mod html;
pub mod log;
pub mod show;
pub mod status;
pub mod summary;
pub mod table;
pub mod terminal;
pub mod timeline;
pub mod xlsx;
