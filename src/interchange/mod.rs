//! The JSON Lines interchange format of `../shared/data/FORMAT.md`: the line types,
//! the validating reader used by `import`, the writer used by `export`, and the
//! synthetic data generator.

pub mod generate;
pub mod reader;
pub mod records;

pub use reader::{FileKind, LineError, ParsedFile, read_file, read_str};
pub use records::{ExpertLine, MissionLine, ProjectLine};
