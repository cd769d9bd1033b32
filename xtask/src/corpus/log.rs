//! The full log of one model's run, `<out>/<model>.log`: each step's heading, then its output.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, Result};

/// An open log file. Child processes write to it directly, through [`Log::stdio`].
#[derive(Debug)]
pub struct Log {
    path: PathBuf,
    file: File,
}

impl Log {
    /// Creates the log, emptying any log of an earlier run.
    pub fn create(path: &Path) -> Result<Log> {
        File::create(path).with_context(|| format!("cannot create log {}", path.display()))?;
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .with_context(|| format!("cannot open log {}", path.display()))?;
        Ok(Log {
            path: path.to_path_buf(),
            file,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `text` and a line break.
    pub fn write_line(&mut self, text: &str) -> Result<()> {
        writeln!(self.file, "{text}")
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// Where the next output will start, for [`Log::excerpt`].
    pub fn position(&self) -> Result<u64> {
        let metadata = self.file.metadata();
        let metadata = metadata.with_context(|| format!("cannot stat {}", self.path.display()))?;
        Ok(metadata.len())
    }

    /// A handle on the log for a child's stdout or stderr; output is appended.
    pub fn stdio(&self) -> Result<Stdio> {
        let file = self.file.try_clone();
        let file = file.with_context(|| format!("cannot share {}", self.path.display()))?;
        Ok(Stdio::from(file))
    }

    /// The first `max_lines` lines written from `position` on.
    pub fn excerpt(&self, position: u64, max_lines: usize) -> Result<String> {
        let context = || format!("cannot read {}", self.path.display());
        let mut file = File::open(&self.path).with_context(context)?;
        file.seek(SeekFrom::Start(position)).with_context(context)?;
        let mut lines = Vec::new();
        for line in BufReader::new(file).split(b'\n').take(max_lines) {
            let line = line.with_context(context)?;
            lines.push(String::from_utf8_lossy(&line).into_owned());
        }
        Ok(lines.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn excerpts_start_at_a_position_and_stop_after_max_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.log");
        std::fs::write(&path, "stale\n").unwrap();
        let mut log = Log::create(&path).unwrap();
        assert_eq!(log.position().unwrap(), 0);
        log.write_line("== step ==").unwrap();
        let start = log.position().unwrap();
        log.write_line("one\ntwo\nthree").unwrap();
        assert_eq!(log.excerpt(start, 2).unwrap(), "one\ntwo");
        assert_eq!(log.excerpt(0, 10).unwrap(), "== step ==\none\ntwo\nthree");
    }

    #[cfg(unix)]
    #[test]
    fn children_append_to_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = Log::create(&dir.path().join("m.log")).unwrap();
        log.write_line("first").unwrap();
        let status = Command::new("sh")
            .args(["-c", "echo out; echo err >&2"])
            .stdout(log.stdio().unwrap())
            .stderr(log.stdio().unwrap())
            .status()
            .unwrap();
        assert!(status.success());
        log.write_line("last").unwrap();
        assert_eq!(log.excerpt(0, 10).unwrap(), "first\nout\nerr\nlast");
    }
}
