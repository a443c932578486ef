//! The glue between the database and the search engine: converting records into index
//! documents, following the change log, rebuilding the index, and the matching commands.

pub mod convert;
pub mod follower;
pub mod rebuild;

pub use follower::{Follower, catch_up};
pub use rebuild::rebuild;
