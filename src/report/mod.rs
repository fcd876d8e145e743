//! Reports as plain data, built once and rendered per format.
pub mod log;
pub mod status;
