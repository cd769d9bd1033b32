//! Writes a generated file set into a crate directory: only changed files, staged first, then renamed into place.
//!
//! [`write`] compares every generated file with the one on disk, writes each new or
//! changed file to a temporary file beside its target, and only when all of them are
//! staged renames them over their targets. Then it removes stale generated files:
//! `.rs` files under `src/` that the new set no longer has and whose first line is
//! [`GENERATED_MARKER`]. [`diff`] computes the same comparison without touching anything.

use std::collections::BTreeSet;
use std::fmt;
use std::fs::{self, File, Permissions};
use std::io::{self, BufRead, BufReader, Write as _};
use std::path::{Component, Path, PathBuf};

use ::codegen::{GeneratedFile, GENERATED_MARKER};
use anyhow::{bail, Context, Result};
use tempfile::NamedTempFile;

#[cfg(test)]
mod tests;

/// What [`write`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// New or changed files written.
    pub written: usize,
    /// Files that already had the generated contents and were left alone.
    pub unchanged: usize,
    /// Stale generated files removed.
    pub removed: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Summary {
            written,
            unchanged,
            removed,
        } = self;
        write!(
            f,
            "{written} written, {unchanged} unchanged, {removed} removed"
        )
    }
}

/// How a directory differs from a generated file set. Paths are relative to the directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Files on disk whose contents differ from the generated ones.
    pub changed: Vec<PathBuf>,
    /// Generated files that are not on disk.
    pub missing: Vec<PathBuf>,
    /// Generated `.rs` files under `src/` that the set no longer has.
    pub extra: Vec<PathBuf>,
    /// How many files on disk already match.
    pub unchanged: usize,
}

impl Diff {
    /// True when the directory already holds exactly the generated files.
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

impl fmt::Display for Diff {
    /// One line a file: `  stale:   src/lib.rs`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups = [
            ("stale:  ", &self.changed),
            ("missing:", &self.missing),
            ("extra:  ", &self.extra),
        ];
        for (label, paths) in groups {
            for path in paths {
                writeln!(f, "  {label} {}", path.display())?;
            }
        }
        Ok(())
    }
}

/// Compares `files` with what is in `dir`, touching nothing.
pub fn diff(dir: &Path, files: &[GeneratedFile]) -> Result<Diff> {
    check_paths(files)?;
    let mut diff = Diff::default();
    for file in files {
        match read_if_exists(&dir.join(&file.path))? {
            None => diff.missing.push(file.path.clone()),
            Some(old) if old == file.contents.as_bytes() => diff.unchanged += 1,
            Some(_) => diff.changed.push(file.path.clone()),
        }
    }
    diff.extra = extra_files(dir, files)?;
    Ok(diff)
}

/// Makes `dir` hold `files`: stages new and changed files, renames them into place,
/// then removes stale generated files. A staging failure leaves `dir` as it was.
pub fn write(dir: &Path, files: &[GeneratedFile]) -> Result<Summary> {
    let diff = diff(dir, files)?;
    let pending: BTreeSet<&Path> = diff
        .changed
        .iter()
        .chain(&diff.missing)
        .map(PathBuf::as_path)
        .collect();
    let to_write: Vec<&GeneratedFile> = files
        .iter()
        .filter(|file| pending.contains(file.path.as_path()))
        .collect();
    let staged = stage(dir, &to_write)?;
    persist(staged)?;
    remove_extra(dir, &diff.extra)?;
    Ok(Summary {
        written: to_write.len(),
        unchanged: diff.unchanged,
        removed: diff.extra.len(),
    })
}

/// Rejects paths that would land outside the directory, and duplicates.
fn check_paths(files: &[GeneratedFile]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for file in files {
        let path = &file.path;
        let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || path.as_os_str().is_empty() {
            bail!(
                "generated file path {} is not a plain relative path",
                path.display()
            );
        }
        if !seen.insert(path) {
            bail!("generated file {} appears twice", path.display());
        }
    }
    Ok(())
}

/// The file's bytes, or `None` when it (or a parent directory) does not exist.
fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if is_absent(&err) => Ok(None),
        Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
    }
}

fn is_absent(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// Generated `.rs` files under `dir/src` that are not in `files`.
fn extra_files(dir: &Path, files: &[GeneratedFile]) -> Result<Vec<PathBuf>> {
    let keep: BTreeSet<&Path> = files.iter().map(|file| file.path.as_path()).collect();
    let mut extra = Vec::new();
    for path in rust_files(dir, Path::new("src"))? {
        if !keep.contains(path.as_path()) && is_generated(&dir.join(&path))? {
            extra.push(path);
        }
    }
    Ok(extra)
}

/// The `.rs` files under `dir/sub`, recursively, relative to `dir` and sorted.
/// Symbolic links are not followed.
fn rust_files(dir: &Path, sub: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![sub.to_path_buf()];
    while let Some(relative) = pending.pop() {
        let path = dir.join(&relative);
        let entries = match fs::read_dir(&path) {
            Err(err) if is_absent(&err) => continue,
            entries => entries.with_context(|| format!("cannot list {}", path.display()))?,
        };
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot list {}", path.display()))?;
            let kind = entry
                .file_type()
                .with_context(|| format!("cannot stat {}", entry.path().display()))?;
            let child = relative.join(entry.file_name());
            if kind.is_dir() {
                pending.push(child);
            } else if kind.is_file() && child.extension().is_some_and(|ext| ext == "rs") {
                found.push(child);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Whether the file's first line is [`GENERATED_MARKER`].
fn is_generated(path: &Path) -> Result<bool> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut first_line = Vec::new();
    BufReader::new(file)
        .read_until(b'\n', &mut first_line)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(first_line.trim_ascii_end() == GENERATED_MARKER.as_bytes())
}

/// A file written to a temporary path beside its target, not yet renamed.
/// Dropping it deletes the temporary file.
struct Staged {
    temp: NamedTempFile,
    target: PathBuf,
}

/// Writes every file to a temporary file beside its target. On failure removes
/// the temporary files and any directories it created, and returns the error.
fn stage(dir: &Path, files: &[&GeneratedFile]) -> Result<Vec<Staged>> {
    let mut created_dirs = Vec::new();
    let mut staged = Vec::with_capacity(files.len());
    for file in files {
        match stage_one(&dir.join(&file.path), &file.contents, &mut created_dirs) {
            Ok(one) => staged.push(one),
            Err(err) => {
                drop(staged);
                remove_created_dirs(&created_dirs);
                return Err(err);
            }
        }
    }
    Ok(staged)
}

fn stage_one(target: &Path, contents: &str, created_dirs: &mut Vec<PathBuf>) -> Result<Staged> {
    let parent = target
        .parent()
        .with_context(|| format!("{} has no parent directory", target.display()))?;
    create_dirs(parent, created_dirs)?;
    let mut temp = temp_file_beside(target, parent)
        .with_context(|| format!("cannot create a temporary file in {}", parent.display()))?;
    temp.write_all(contents.as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
    })
}

/// Creates `dir` and its missing ancestors, first recording each one it will create
/// (outermost first) so that a failed staging can remove them again.
fn create_dirs(dir: &Path, created_dirs: &mut Vec<PathBuf>) -> Result<()> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|ancestor| !ancestor.as_os_str().is_empty() && !ancestor.exists())
        .collect();
    created_dirs.extend(missing.iter().rev().map(|path| path.to_path_buf()));
    fs::create_dir_all(dir).with_context(|| format!("cannot create directory {}", dir.display()))
}

/// Removes directories created during staging, innermost first; only empty ones go.
fn remove_created_dirs(created_dirs: &[PathBuf]) {
    for dir in created_dirs.iter().rev() {
        let _ = fs::remove_dir(dir);
    }
}

/// A temporary file in `parent`, named after `target`, with the permissions the
/// target has (or a new file would get).
fn temp_file_beside(target: &Path, parent: &Path) -> io::Result<NamedTempFile> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(permissions) = permissions_for(target) {
        builder.permissions(permissions);
    }
    builder.tempfile_in(parent)
}

fn permissions_for(target: &Path) -> Option<Permissions> {
    match fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => new_file_permissions(),
    }
}

/// Read-write for everyone, less the umask: what `File::create` gives.
#[cfg(unix)]
fn new_file_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<Permissions> {
    None
}

/// Renames every staged file over its target.
fn persist(staged: Vec<Staged>) -> Result<()> {
    let total = staged.len();
    for (done, Staged { temp, target }) in staged.into_iter().enumerate() {
        temp.persist(&target)
            .map_err(|err| err.error)
            .with_context(|| {
                format!(
                    "cannot replace {} ({done} of {total} files were already replaced; run again)",
                    target.display()
                )
            })?;
    }
    Ok(())
}

/// Removes the stale generated files, then the directories under `src/` left empty.
fn remove_extra(dir: &Path, extra: &[PathBuf]) -> Result<()> {
    let src = dir.join("src");
    for relative in extra {
        let path = dir.join(relative);
        fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        remove_empty_parents(&path, &src)?;
    }
    Ok(())
}

/// Removes the empty directories above `path`, stopping before `stop`.
fn remove_empty_parents(path: &Path, stop: &Path) -> Result<()> {
    let parents = path.ancestors().skip(1);
    for dir in parents.take_while(|dir| *dir != stop && dir.starts_with(stop)) {
        let mut entries =
            fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
        if entries.next().is_some() {
            break;
        }
        fs::remove_dir(dir).with_context(|| format!("cannot remove {}", dir.display()))?;
    }
    Ok(())
}
