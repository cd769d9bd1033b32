//! Credentials from a profile's `credential_process`: a command run through the
//! platform's shell, as the AWS CLI does, that prints a JSON document.
//!
//! The document has `Version` 1, `AccessKeyId`, `SecretAccessKey`, and for
//! temporary credentials `SessionToken` and `Expiration` (RFC 3339).

use std::fmt;
use std::process::{Command, Output, Stdio};

use super::{
    credentials_from_json, json_object, Credentials, CredentialsError, CredentialsErrorKind,
};

/// The most of the command's standard error an error message quotes.
const STDERR_LIMIT: usize = 2000;

/// Runs a `credential_process` command and reads the credentials it prints.
/// `Debug` does not show the command, which may hold a secret.
#[derive(Clone)]
pub struct ProcessProvider {
    command: String,
    profile: String,
}

impl ProcessProvider {
    /// Runs `command`, the `credential_process` of the profile named `profile`.
    pub fn new(command: impl Into<String>, profile: impl Into<String>) -> Self {
        ProcessProvider {
            command: command.into(),
            profile: profile.into(),
        }
    }

    fn error(&self, kind: CredentialsErrorKind, message: String) -> CredentialsError {
        let place = format!("profile `{}`", self.profile);
        CredentialsError::new(kind, place, format!("credential_process {message}"))
    }

    fn run(&self) -> Result<Output, CredentialsError> {
        shell(&self.command)
            .stdin(Stdio::inherit())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .map_err(|err| {
                let message = "could not be started".to_owned();
                self.error(CredentialsErrorKind::Failed, message)
                    .with_source(err)
            })
    }
}

impl fmt::Debug for ProcessProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProcessProvider")
            .field("command", &"** redacted **")
            .field("profile", &self.profile)
            .finish()
    }
}

/// The command that runs `command` through the platform's shell: `cmd.exe /C`,
/// given the command as it is.
#[cfg(windows)]
fn shell(command: &str) -> Command {
    use std::os::windows::process::CommandExt;
    let mut shell = Command::new("cmd.exe");
    shell.arg("/C").raw_arg(command);
    shell
}

/// The command that runs `command` through the platform's shell: `sh -c`.
#[cfg(not(windows))]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(command);
    shell
}

/// The start of a command's standard error, trimmed, for a message.
fn stderr_text(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let text = text.trim();
    match text.char_indices().nth(STDERR_LIMIT) {
        Some((end, _)) => format!("{}...", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

impl super::ProvideCredentials for ProcessProvider {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        let output = self.run()?;
        if !output.status.success() {
            let stderr = stderr_text(&output.stderr);
            let message = match stderr.is_empty() {
                true => format!("failed ({}) with nothing on standard error", output.status),
                false => format!("failed ({}): {stderr}", output.status),
            };
            return Err(self.error(CredentialsErrorKind::Failed, message));
        }
        let fields = super::JsonFields {
            token: "SessionToken",
        };
        json_object(&output.stdout)
            .and_then(
                |object| match object.get("Version").and_then(serde_json::Value::as_u64) {
                    Some(1) => credentials_from_json(&object, &fields),
                    _ => Err("`Version` is not 1".to_owned()),
                },
            )
            .map_err(|message| {
                let message = format!("printed a bad document: {message}");
                self.error(CredentialsErrorKind::Failed, message)
            })
    }
}

#[cfg(test)]
mod tests {
    // The commands are POSIX shell.
    #[cfg(unix)]
    use super::super::ProvideCredentials;
    #[cfg(unix)]
    use super::*;
    #[cfg(unix)]
    use std::time::{Duration, UNIX_EPOCH};

    #[cfg(unix)]
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
    #[cfg(unix)]
    const TOKEN: &str = "IQoJb3JpZ2luX2VjSESSIONTOKEN";

    #[cfg(unix)]
    fn run(command: &str) -> Result<Credentials, CredentialsError> {
        ProcessProvider::new(command, "dev").provide()
    }

    #[cfg(unix)]
    fn printf(json: &str) -> String {
        format!("printf '%s' '{json}'")
    }

    #[cfg(unix)]
    fn assert_no_secret(err: &CredentialsError) {
        for text in [format!("{err}"), format!("{err:?}")] {
            assert!(!text.contains(SECRET), "{text}");
            assert!(!text.contains(TOKEN), "{text}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn reads_temporary_credentials() {
        let json = format!(
            r#"{{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "{SECRET}",
                "SessionToken": "{TOKEN}", "Expiration": "2030-01-02T03:04:05Z"}}"#
        );
        let found = run(&printf(&json)).unwrap();
        assert_eq!(found.access_key_id(), "AKIDPROC");
        assert_eq!(found.secret_access_key(), SECRET);
        assert_eq!(found.session_token(), Some(TOKEN));
        let expected = UNIX_EPOCH + Duration::from_secs(1_893_553_445);
        assert_eq!(found.expires(), Some(expected));
    }

    #[cfg(unix)]
    #[test]
    fn reads_long_term_credentials_from_echo() {
        let json =
            format!(r#"{{"Version":1,"AccessKeyId":"AKIDECHO","SecretAccessKey":"{SECRET}"}}"#);
        let found = run(&format!("echo '{json}'")).unwrap();
        assert_eq!(found.access_key_id(), "AKIDECHO");
        assert_eq!(found.session_token(), None);
        assert_eq!(found.expires(), None);
    }

    #[cfg(unix)]
    #[test]
    fn failing_command_gives_its_stderr_and_status() {
        let json = format!(r#"{{"Version":1,"AccessKeyId":"A","SecretAccessKey":"{SECRET}"}}"#);
        let command = format!(
            "{}; echo 'token expired, log in again' >&2; exit 3",
            printf(&json)
        );
        let err = run(&command).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Failed);
        let text = err.to_string();
        assert!(
            text.starts_with("profile `dev`: credential_process failed"),
            "{text}"
        );
        assert!(text.contains("token expired, log in again"), "{text}");
        assert!(text.contains("exit status: 3"), "{text}");
        assert_no_secret(&err);
    }

    #[cfg(unix)]
    #[test]
    fn command_in_the_error_is_never_shown() {
        let err = run(&format!("exit 1 # {SECRET}")).unwrap_err();
        assert!(
            err.to_string().contains("nothing on standard error"),
            "{err}"
        );
        assert_no_secret(&err);
        let provider = ProcessProvider::new(format!("tool --key {SECRET}"), "dev");
        assert!(!format!("{provider:?}").contains(SECRET));
    }

    #[cfg(unix)]
    #[test]
    fn bad_documents_are_errors_without_secrets() {
        let cases = [
            (
                format!(r#"{{"Version":1,"AccessKeyId":"A","SecretAccessKey":"{SECRET}""#),
                "JSON",
            ),
            (
                format!(r#"{{"Version":2,"AccessKeyId":"A","SecretAccessKey":"{SECRET}"}}"#),
                "Version",
            ),
            (
                format!(r#"{{"AccessKeyId":"A","SecretAccessKey":"{SECRET}"}}"#),
                "Version",
            ),
            (
                format!(r#"{{"Version":1,"SecretAccessKey":"{SECRET}"}}"#),
                "AccessKeyId",
            ),
            (
                format!(r#"{{"Version":1,"AccessKeyId":"A","SessionToken":"{TOKEN}"}}"#),
                "SecretAccessKey",
            ),
            (
                format!(
                    r#"{{"Version":1,"AccessKeyId":"A","SecretAccessKey":{{"k":"{SECRET}"}}}}"#
                ),
                "SecretAccessKey",
            ),
            (
                format!(
                    r#"{{"Version":1,"AccessKeyId":"A","SecretAccessKey":"{SECRET}","SessionToken":"{TOKEN}","Expiration":"soon"}}"#
                ),
                "Expiration",
            ),
            (format!(r#"["{SECRET}"]"#), "object"),
        ];
        for (json, expected) in cases {
            let err = run(&printf(&json)).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::Failed, "{json}");
            assert!(err.to_string().contains(expected), "{err}");
            assert_no_secret(&err);
        }
    }

    #[cfg(unix)]
    #[test]
    fn long_stderr_is_cut() {
        let err = run("yes x | head -c 10000 >&2; exit 1").unwrap_err();
        let text = err.to_string();
        assert!(text.len() < 3000, "{}", text.len());
        assert!(text.ends_with("..."), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn missing_program_is_an_error() {
        let err = run("/nonexistent/credential-helper").unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Failed);
        assert!(
            err.to_string().contains("credential_process failed"),
            "{err}"
        );
    }
}
