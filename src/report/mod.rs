//! Reports as plain data, built once and rendered per format.
pub mod annual;
pub mod budget;
pub mod evaluation;
pub mod gantt;
pub mod log;
pub mod portfolio;
mod serial;
pub mod status;
pub mod summary;
