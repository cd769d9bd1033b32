//! Where the data checked in beside `model/` sits, for the tests, the benchmarks and `cargo xtask corpus`.
//!
//! The generator itself never reads these folders; they hold what the project is
//! tested against, with the LICENSE and NOTICE of each source.

use std::path::{Path, PathBuf};

/// `corpus/`: real AWS Smithy JSON AST models, one `*.json` file each.
pub fn corpus() -> PathBuf {
    workspace().join("corpus")
}

/// `model/`: the model of record, `forecast-2018-06-26.json`, and its corrections.
pub fn model() -> PathBuf {
    workspace().join("model")
}

/// `reference/`: pages that other projects publish about the Forecast API.
pub fn reference() -> PathBuf {
    workspace().join("reference")
}

/// The workspace root: the parent of this crate's directory.
fn workspace() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}
