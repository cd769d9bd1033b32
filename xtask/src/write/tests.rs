//! Tests of the writer on fake file sets in temporary directories.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use ::codegen::{GeneratedFile, GENERATED_MARKER};
use tempfile::TempDir;

use super::{diff, write, Diff, Summary};

/// A generated file with the marker line and `body`.
fn generated(path: &str, body: &str) -> GeneratedFile {
    GeneratedFile {
        path: PathBuf::from(path),
        contents: format!("{GENERATED_MARKER}\n{body}\n"),
    }
}

fn put(dir: &Path, path: &str, contents: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn put_generated(dir: &Path, path: &str, body: &str) {
    put(dir, path, &generated(path, body).contents);
}

/// An hour ago, so that a rewrite would certainly change the mtime.
fn set_old_mtime(path: &Path) -> SystemTime {
    let old = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    fs::metadata(path).unwrap().modified().unwrap()
}

/// Every file and directory under `dir`, with file contents and mtimes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<(Vec<u8>, SystemTime)>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(dir).unwrap().to_path_buf();
            if path.is_dir() {
                pending.push(path);
                found.insert(relative, None);
            } else {
                let mtime = fs::metadata(&path).unwrap().modified().unwrap();
                found.insert(relative, Some((fs::read(&path).unwrap(), mtime)));
            }
        }
    }
    found
}

fn paths(list: &[&str]) -> Vec<PathBuf> {
    list.iter().map(PathBuf::from).collect()
}

#[test]
fn writes_new_files_and_their_directories() {
    let dir = TempDir::new().unwrap();
    let files = [
        generated("src/lib.rs", "a"),
        generated("src/types/x.rs", "x"),
    ];
    let summary = write(dir.path(), &files).unwrap();
    assert_eq!(
        summary,
        Summary {
            written: 2,
            unchanged: 0,
            removed: 0
        }
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("src/types/x.rs")).unwrap(),
        files[1].contents
    );
    assert_eq!(snapshot(dir.path()).len(), 4, "no temporary files are left");
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let dir = TempDir::new().unwrap();
    put_generated(dir.path(), "src/lib.rs", "same");
    put_generated(dir.path(), "src/other.rs", "old");
    let same_mtime = set_old_mtime(&dir.path().join("src/lib.rs"));
    let other_mtime = set_old_mtime(&dir.path().join("src/other.rs"));
    let files = [
        generated("src/lib.rs", "same"),
        generated("src/other.rs", "new"),
    ];
    let summary = write(dir.path(), &files).unwrap();
    assert_eq!(
        summary,
        Summary {
            written: 1,
            unchanged: 1,
            removed: 0
        }
    );
    let mtime = |path: &str| {
        fs::metadata(dir.path().join(path))
            .unwrap()
            .modified()
            .unwrap()
    };
    assert_eq!(mtime("src/lib.rs"), same_mtime);
    assert_ne!(mtime("src/other.rs"), other_mtime);
    assert_eq!(
        fs::read_to_string(dir.path().join("src/other.rs")).unwrap(),
        files[1].contents
    );
}

#[cfg(unix)]
#[test]
fn rewritten_files_keep_their_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    put_generated(dir.path(), "src/lib.rs", "old");
    let path = dir.path().join("src/lib.rs");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write(dir.path(), &[generated("src/lib.rs", "new")]).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn stale_generated_files_are_removed_and_hand_written_ones_kept() {
    let dir = TempDir::new().unwrap();
    put_generated(dir.path(), "src/lib.rs", "lib");
    put_generated(dir.path(), "src/types/gone.rs", "gone");
    put_generated(dir.path(), "src/old/deep/gone.rs", "gone");
    put(dir.path(), "src/types/hand.rs", "// written by hand\n");
    put(
        dir.path(),
        "src/notes.txt",
        &generated("", "not rust").contents,
    );
    let summary = write(dir.path(), &[generated("src/lib.rs", "lib")]).unwrap();
    assert_eq!(
        summary,
        Summary {
            written: 0,
            unchanged: 1,
            removed: 2
        }
    );
    let left: Vec<PathBuf> = snapshot(dir.path()).into_keys().collect();
    let expected = [
        "src",
        "src/lib.rs",
        "src/notes.txt",
        "src/types",
        "src/types/hand.rs",
    ];
    assert_eq!(left, paths(&expected), "empty directories are removed too");
}

#[test]
fn files_outside_src_are_never_removed() {
    let dir = TempDir::new().unwrap();
    put_generated(dir.path(), "build.rs", "outside");
    put_generated(dir.path(), "src/lib.rs", "lib");
    write(dir.path(), &[generated("src/lib.rs", "lib")]).unwrap();
    assert!(dir.path().join("build.rs").exists());
}

#[test]
fn a_failed_staging_leaves_the_directory_untouched() {
    let dir = TempDir::new().unwrap();
    put_generated(dir.path(), "src/lib.rs", "old");
    put_generated(dir.path(), "src/gone.rs", "gone");
    set_old_mtime(&dir.path().join("src/lib.rs"));
    let before = snapshot(dir.path());
    // The last file cannot be staged: its parent directory would be the file src/lib.rs.
    let files = [
        generated("src/lib.rs", "new"),
        generated("src/new/a.rs", "a"),
        generated("src/lib.rs/x.rs", "x"),
    ];
    let err = write(dir.path(), &files).unwrap_err();
    assert!(format!("{err:#}").contains("src/lib.rs"), "{err:#}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn diff_reports_stale_missing_and_extra_files_and_touches_nothing() {
    let dir = TempDir::new().unwrap();
    put_generated(dir.path(), "src/lib.rs", "same");
    put_generated(dir.path(), "src/changed.rs", "old");
    put_generated(dir.path(), "src/extra.rs", "extra");
    put(dir.path(), "src/hand.rs", "fn main() {}\n");
    let before = snapshot(dir.path());
    let files = [
        generated("src/lib.rs", "same"),
        generated("src/changed.rs", "new"),
        generated("src/missing.rs", "missing"),
    ];
    let found = diff(dir.path(), &files).unwrap();
    let expected = Diff {
        changed: paths(&["src/changed.rs"]),
        missing: paths(&["src/missing.rs"]),
        extra: paths(&["src/extra.rs"]),
        unchanged: 1,
    };
    assert_eq!(found, expected);
    assert!(!found.is_clean());
    let report = found.to_string();
    assert_eq!(
        report,
        "  stale:   src/changed.rs\n  missing: src/missing.rs\n  extra:   src/extra.rs\n"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn diff_of_a_fresh_directory_is_clean() {
    let dir = TempDir::new().unwrap();
    let files = [generated("src/lib.rs", "a"), generated("Cargo.toml", "")];
    write(dir.path(), &files).unwrap();
    let found = diff(dir.path(), &files).unwrap();
    assert!(found.is_clean(), "{found}");
    assert_eq!(found.unchanged, 2);
}

#[test]
fn paths_escaping_the_directory_are_rejected() {
    let dir = TempDir::new().unwrap();
    for bad in ["../x.rs", "/tmp/x.rs", "src/../x.rs", "./src/x.rs", ""] {
        let err = write(dir.path(), &[generated(bad, "x")]).unwrap_err();
        assert!(
            err.to_string().contains("not a plain relative path"),
            "{bad}: {err}"
        );
    }
    let twice = [generated("src/lib.rs", "a"), generated("src/lib.rs", "b")];
    assert!(write(dir.path(), &twice).is_err());
    assert_eq!(snapshot(dir.path()).len(), 0);
}
