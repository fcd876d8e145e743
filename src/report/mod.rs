//! Reports as plain data, built once and rendered per format.
pub mod status;
