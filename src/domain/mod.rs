//! The domain model: experts, missions, village projects and the small value types
//! they are made of, each parsed and validated once at the edge.

pub mod codes;
pub mod expert;
pub mod field;
pub mod opportunity;
pub mod values;

pub use expert::Expert;
pub use field::FieldError;
pub use opportunity::{Mission, MissionStatus, Project, Sector};
pub use values::{DateWindow, Mode, Offer, Place};
