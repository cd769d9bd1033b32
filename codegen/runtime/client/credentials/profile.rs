//! The shared files `~/.aws/credentials` and `~/.aws/config`: their parser, the
//! selected profile's credentials, and its region.
//!
//! The files are INI-like: `[section]` headers, `name = value` properties, comment
//! lines starting with `#` or `;`, and indented lines that continue a property (or,
//! under a property with an empty value such as `s3 =`, give its sub-properties,
//! which are parsed and ignored). In the config file a profile's section is
//! `[profile name]` (or `[default]`); in the credentials file it is `[name]`. When
//! both files set a property of a profile, the credentials file wins.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::env::Env;
use super::process::ProcessProvider;
use super::{Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials};

/// The variable that selects the profile.
pub const PROFILE: &str = "AWS_PROFILE";
/// The profile used when `AWS_PROFILE` is unset.
pub const DEFAULT_PROFILE: &str = "default";
/// The variable that overrides the path of the credentials file.
pub const CREDENTIALS_FILE: &str = "AWS_SHARED_CREDENTIALS_FILE";
/// The variable that overrides the path of the config file.
pub const CONFIG_FILE: &str = "AWS_CONFIG_FILE";

/// Profile properties that need a provider this client does not have: assuming a
/// role, web identity and SSO.
const UNSUPPORTED: &[&str] = &[
    "role_arn",
    "credential_source",
    "web_identity_token_file",
    "sso_session",
    "sso_start_url",
    "sso_account_id",
];

/// Which shared file a text comes from; it decides how section names read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `~/.aws/config`: `[profile name]` and `[default]`.
    Config,
    /// `~/.aws/credentials`: `[name]`.
    Credentials,
}

/// One profile's properties. `Debug` shows the property names, never the values.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Profile {
    properties: BTreeMap<String, String>,
}

impl Profile {
    /// The value of the property `name`, if set and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.properties
            .get(name)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }

    /// Sets the properties of `other` over those of this profile.
    fn merge(&mut self, other: Profile) {
        self.properties.extend(other.properties);
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("names", &self.properties.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The profiles of the shared files, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileSet {
    profiles: HashMap<String, Profile>,
}

impl ProfileSet {
    /// Parses one file's text and sets its profiles over those already read, so
    /// read the config file first and the credentials file second.
    ///
    /// # Errors
    ///
    /// When a line is neither a section header, a property, a continuation, a
    /// comment nor blank. The error gives the line number, never the line.
    pub fn parse(&mut self, text: &str, kind: FileKind) -> Result<(), ParseError> {
        let parsed = Parser::new(kind).parse(text)?;
        for (name, profile) in parsed {
            self.profiles.entry(name).or_default().merge(profile);
        }
        Ok(())
    }

    /// The profile `name`.
    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }
}

/// A line of a shared file that does not parse. It gives the line number and what
/// was expected, never the line, which may hold a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    line: usize,
    expected: &'static str,
}

impl ParseError {
    /// The line number, from 1.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: expected {}", self.line, self.expected)
    }
}

impl std::error::Error for ParseError {}

/// The section the parser is in.
enum Section {
    /// Before the first header.
    None,
    /// A section that is not a profile, such as `[sso-session x]` or `[services x]`.
    Other,
    /// The profile of this name.
    Profile(String),
}

/// Where the last property was, for the lines that continue it.
enum Last {
    /// No property since the section header.
    None,
    /// A property with a value: indented lines continue the value.
    Value(String),
    /// A property with an empty value: indented lines are its sub-properties.
    Parent,
}

/// The parser of one file.
struct Parser {
    kind: FileKind,
    section: Section,
    last: Last,
    profiles: HashMap<String, Profile>,
    /// In the config file, the properties of `[default]`, which
    /// `[profile default]` replaces when both are there.
    bare_default: Option<Profile>,
}

impl Parser {
    fn new(kind: FileKind) -> Self {
        Parser {
            kind,
            section: Section::None,
            last: Last::None,
            profiles: HashMap::new(),
            bare_default: None,
        }
    }

    fn parse(mut self, text: &str) -> Result<HashMap<String, Profile>, ParseError> {
        for (index, line) in text.lines().enumerate() {
            self.line(line).map_err(|expected| ParseError {
                line: index + 1,
                expected,
            })?;
        }
        if let Some(bare) = self.bare_default {
            self.profiles
                .entry(DEFAULT_PROFILE.to_owned())
                .or_insert(bare);
        }
        Ok(self.profiles)
    }

    fn line(&mut self, line: &str) -> Result<(), &'static str> {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
            return Ok(());
        }
        let indented = line.starts_with([' ', '\t']);
        if indented && !matches!(self.last, Last::None) {
            return self.continuation(trimmed);
        }
        if let Some(header) = trimmed.strip_prefix('[') {
            return self.header(header);
        }
        self.property(trimmed)
    }

    /// A section header, after its `[`.
    fn header(&mut self, header: &str) -> Result<(), &'static str> {
        const EXPECTED: &str = "`[name]`, optionally followed by a comment";
        let (name, rest) = header.split_once(']').ok_or(EXPECTED)?;
        let rest = rest.trim();
        if !rest.is_empty() && !rest.starts_with(['#', ';']) {
            return Err(EXPECTED);
        }
        self.last = Last::None;
        self.section = self.section(name.trim());
        Ok(())
    }

    /// The section a header's name opens.
    fn section(&mut self, name: &str) -> Section {
        let profile = match self.kind {
            FileKind::Credentials => name,
            FileKind::Config if name == DEFAULT_PROFILE => {
                self.bare_default.get_or_insert_with(Profile::default);
                return Section::Profile(String::new());
            }
            FileKind::Config => match name.strip_prefix("profile") {
                Some(rest) if rest.starts_with([' ', '\t']) => rest.trim(),
                _ => return Section::Other,
            },
        };
        if profile.is_empty() || profile.contains(char::is_whitespace) {
            return Section::Other;
        }
        self.profiles.entry(profile.to_owned()).or_default();
        Section::Profile(profile.to_owned())
    }

    /// A `name = value` line.
    fn property(&mut self, line: &str) -> Result<(), &'static str> {
        const EXPECTED: &str = "`name = value`, a `[section]` header or a comment";
        let (name, value) = line.split_once('=').ok_or(EXPECTED)?;
        // Names are case-insensitive, as in the AWS CLI.
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() {
            return Err(EXPECTED);
        }
        let value = strip_comment(value).trim();
        let profile = match &self.section {
            Section::None => return Err("a `[section]` header before the first property"),
            Section::Other => None,
            Section::Profile(profile) => Some(profile.clone()),
        };
        self.last = match value.is_empty() {
            true => Last::Parent,
            false => Last::Value(name.clone()),
        };
        if let Some(profile) = profile {
            self.profile(&profile)
                .properties
                .insert(name, value.to_owned());
        }
        Ok(())
    }

    /// An indented line after a property.
    fn continuation(&mut self, line: &str) -> Result<(), &'static str> {
        let name = match &self.last {
            Last::Value(name) => name.clone(),
            Last::Parent if line.contains('=') => return Ok(()),
            _ => return Err("a sub-property `name = value`"),
        };
        if let Section::Profile(profile) = &self.section {
            let profile = profile.clone();
            if let Some(value) = self.profile(&profile).properties.get_mut(&name) {
                value.push('\n');
                value.push_str(line);
            }
        }
        Ok(())
    }

    /// The profile a property goes to; the empty name is the config file's bare
    /// `[default]`.
    fn profile(&mut self, name: &str) -> &mut Profile {
        match name.is_empty() {
            true => self.bare_default.get_or_insert_with(Profile::default),
            false => self.profiles.entry(name.to_owned()).or_default(),
        }
    }
}

/// A property's value without its comment: `#` or `;` after whitespace starts one.
fn strip_comment(value: &str) -> &str {
    let mut previous_blank = true;
    for (index, c) in value.char_indices() {
        if previous_blank && (c == '#' || c == ';') {
            return value.get(..index).unwrap_or(value);
        }
        previous_blank = c == ' ' || c == '\t';
    }
    value
}

/// The profile selected by `AWS_PROFILE`, or `default`.
pub fn profile_name(env: &Env) -> String {
    env.get(PROFILE)
        .unwrap_or_else(|| DEFAULT_PROFILE.to_owned())
}

/// The home directory: `HOME`, else `USERPROFILE`, else `HOMEDRIVE` + `HOMEPATH`.
fn home(env: &Env) -> Option<PathBuf> {
    if let Some(home) = env.get("HOME").or_else(|| env.get("USERPROFILE")) {
        return Some(PathBuf::from(home));
    }
    let drive = env.get("HOMEDRIVE")?;
    let path = env.get("HOMEPATH")?;
    Some(PathBuf::from(drive + &path))
}

/// The path of a shared file: the variable `var` (with `~` for the home
/// directory), else `.aws/<name>` in the home directory.
fn file_path(env: &Env, var: &str, name: &str) -> Option<PathBuf> {
    match env.get(var) {
        Some(path) => match path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\")) {
            Some(rest) => Some(home(env)?.join(rest)),
            None => Some(PathBuf::from(path)),
        },
        None => Some(home(env)?.join(".aws").join(name)),
    }
}

/// The shared files as read: their profiles, and which files were there.
#[derive(Debug, Clone, Default)]
pub struct SharedFiles {
    /// The profiles of both files.
    pub profiles: ProfileSet,
    /// The files that exist and were read.
    pub found: Vec<PathBuf>,
    /// The paths looked at, config first; a file absent here had no path (no
    /// home directory).
    pub looked: Vec<PathBuf>,
}

impl SharedFiles {
    /// Reads the config file, then the credentials file, at the paths `env` gives.
    /// A file that does not exist is not an error.
    ///
    /// # Errors
    ///
    /// When a file exists but cannot be read or parsed; the error's place is
    /// `place`.
    pub fn load(env: &Env, place: &str) -> Result<SharedFiles, CredentialsError> {
        let mut files = SharedFiles::default();
        for (var, name, kind) in [
            (CONFIG_FILE, "config", FileKind::Config),
            (CREDENTIALS_FILE, "credentials", FileKind::Credentials),
        ] {
            if let Some(path) = file_path(env, var, name) {
                files.read(&path, kind, place)?;
                files.looked.push(path);
            }
        }
        Ok(files)
    }

    fn read(&mut self, path: &Path, kind: FileKind, place: &str) -> Result<(), CredentialsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(err) => {
                let message = format!("cannot read {}", path.display());
                return Err(failed(place, message).with_source(err));
            }
        };
        self.profiles.parse(&text, kind).map_err(|err| {
            let message = format!("cannot parse {}", path.display());
            CredentialsError::new(CredentialsErrorKind::Invalid, place, message).with_source(err)
        })?;
        self.found.push(path.to_path_buf());
        Ok(())
    }

    /// The paths looked at, for messages: `a or b`.
    fn looked_text(&self) -> String {
        let paths: Vec<String> = self
            .looked
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        match paths.is_empty() {
            true => "no home directory (HOME and USERPROFILE not set)".to_owned(),
            false => paths.join(" or "),
        }
    }
}

fn failed(place: &str, message: String) -> CredentialsError {
    CredentialsError::new(CredentialsErrorKind::Failed, place, message)
}

/// The region: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the selected
/// profile's `region` in the shared files.
///
/// # Errors
///
/// When a shared file exists but cannot be read or parsed.
pub fn region(env: &Env) -> Result<Option<String>, CredentialsError> {
    if let Some(region) = env
        .get("AWS_REGION")
        .or_else(|| env.get("AWS_DEFAULT_REGION"))
    {
        return Ok(Some(region));
    }
    let name = profile_name(env);
    let files = SharedFiles::load(env, &format!("profile `{name}`"))?;
    Ok(files
        .profiles
        .get(&name)
        .and_then(|profile| profile.get("region"))
        .map(str::to_owned))
}

/// Credentials from the profile `AWS_PROFILE` selects (or `default`) in the shared
/// files: its `aws_access_key_id`, `aws_secret_access_key` and
/// `aws_session_token`, else its `credential_process`. Profiles that assume a role
/// or use SSO are not supported.
#[derive(Debug, Clone, Default)]
pub struct ProfileProvider {
    env: Env,
}

impl ProfileProvider {
    /// Finds the files and the profile through `env`.
    pub fn new(env: Env) -> Self {
        ProfileProvider { env }
    }
}

impl ProvideCredentials for ProfileProvider {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        let name = profile_name(&self.env);
        let place = format!("profile `{name}`");
        let files = SharedFiles::load(&self.env, &place)?;
        // A profile chosen by name must exist; the default may be absent.
        let missing = match self.env.get(PROFILE) {
            Some(_) => CredentialsErrorKind::Invalid,
            None => CredentialsErrorKind::NotFound,
        };
        let error = |message: String| CredentialsError::new(missing, place.clone(), message);
        if files.found.is_empty() {
            return Err(error(format!("no file at {}", files.looked_text())));
        }
        let Some(profile) = files.profiles.get(&name) else {
            return Err(error(format!("no such profile in {}", files.looked_text())));
        };
        profile_credentials(profile, &name, &place)
    }
}

/// The credentials a profile gives.
fn profile_credentials(
    profile: &Profile,
    name: &str,
    place: &str,
) -> Result<Credentials, CredentialsError> {
    let error = |kind, message: String| CredentialsError::new(kind, place, message);
    if let Some(key) = UNSUPPORTED.iter().find(|key| profile.get(key).is_some()) {
        let message = format!(
            "uses `{key}` (assuming a role or SSO), which this client does not support; \
             give the profile `aws_access_key_id` and `aws_secret_access_key`, or a \
             `credential_process`"
        );
        return Err(error(CredentialsErrorKind::Unsupported, message));
    }
    if let Some(access_key_id) = profile.get("aws_access_key_id") {
        let secret = profile.get("aws_secret_access_key").ok_or_else(|| {
            let message = "has `aws_access_key_id` but no `aws_secret_access_key`".to_owned();
            error(CredentialsErrorKind::Invalid, message)
        })?;
        let credentials = Credentials::new(access_key_id, secret);
        return Ok(match profile.get("aws_session_token") {
            Some(token) => credentials.with_session_token(token),
            None => credentials,
        });
    }
    if let Some(command) = profile.get("credential_process") {
        return ProcessProvider::new(command, name).provide();
    }
    let message =
        "has neither `aws_access_key_id` and `aws_secret_access_key` nor `credential_process`";
    Err(error(CredentialsErrorKind::NotFound, message.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
    const TOKEN: &str = "IQoJb3JpZ2luX2VjSESSIONTOKEN";

    fn parse(text: &str, kind: FileKind) -> ProfileSet {
        let mut set = ProfileSet::default();
        set.parse(text, kind).unwrap();
        set
    }

    fn property<'a>(set: &'a ProfileSet, profile: &str, name: &str) -> Option<&'a str> {
        set.get(profile)?.get(name)
    }

    fn assert_no_secret(err: &dyn std::error::Error) {
        for text in [format!("{err}"), format!("{err:?}")] {
            assert!(!text.contains(SECRET), "{text}");
            assert!(!text.contains(TOKEN), "{text}");
        }
    }

    #[test]
    fn config_sections_need_the_profile_prefix() {
        let text = "[default]\nregion = eu-west-1\n\
                    [profile dev]\nregion = us-east-2\n\
                    [prod]\nregion = ap-south-1\n\
                    [sso-session corp]\nsso_region = us-east-1\n\
                    [services s]\nregion = xx\n";
        let set = parse(text, FileKind::Config);
        assert_eq!(property(&set, "default", "region"), Some("eu-west-1"));
        assert_eq!(property(&set, "dev", "region"), Some("us-east-2"));
        assert!(set.get("prod").is_none());
        assert!(set.get("sso-session corp").is_none());
        assert!(set.get("corp").is_none());
        assert!(set.get("s").is_none());
    }

    #[test]
    fn credentials_sections_are_bare_names() {
        let text = "[default]\naws_access_key_id = A\n[dev]\naws_access_key_id = B\n\
                    [profile x]\naws_access_key_id = C\n";
        let set = parse(text, FileKind::Credentials);
        assert_eq!(property(&set, "default", "aws_access_key_id"), Some("A"));
        assert_eq!(property(&set, "dev", "aws_access_key_id"), Some("B"));
        assert!(set.get("x").is_none());
    }

    #[test]
    fn profile_default_wins_over_bare_default_in_config() {
        for text in [
            "[profile default]\nregion = a\n[default]\nregion = b\noutput = json\n",
            "[default]\nregion = b\noutput = json\n[profile default]\nregion = a\n",
        ] {
            let set = parse(text, FileKind::Config);
            assert_eq!(property(&set, "default", "region"), Some("a"), "{text}");
            assert_eq!(property(&set, "default", "output"), None, "{text}");
        }
    }

    #[test]
    fn comments_whitespace_and_inline_comments() {
        let text = "# a comment\n; another\n\n  [ profile  dev ]  # trailing\n\
                    \tregion=us-west-2 # the region\n\
                    output = json;not a comment\n\
                    name = a ; comment\n\
                    url = http://host/#fragment\n\
                    empty =\n";
        let set = parse(text, FileKind::Config);
        assert_eq!(property(&set, "dev", "region"), Some("us-west-2"));
        assert_eq!(property(&set, "dev", "output"), Some("json;not a comment"));
        assert_eq!(property(&set, "dev", "name"), Some("a"));
        assert_eq!(property(&set, "dev", "url"), Some("http://host/#fragment"));
        assert_eq!(property(&set, "dev", "empty"), None);
    }

    #[test]
    fn continuations_and_sub_properties() {
        let text = "[profile dev]\n\
                    s3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n\
                    region = us-\n  west-2\n\
                    output = json\n";
        let set = parse(text, FileKind::Config);
        assert_eq!(property(&set, "dev", "s3"), None);
        assert_eq!(property(&set, "dev", "max_concurrent_requests"), None);
        assert_eq!(property(&set, "dev", "region"), Some("us-\nwest-2"));
        assert_eq!(property(&set, "dev", "output"), Some("json"));
    }

    #[test]
    fn later_files_and_sections_win() {
        let mut set = ProfileSet::default();
        let config = "[profile a]\nregion = r1\nx = 1\n[profile a]\nx = 2\n";
        set.parse(config, FileKind::Config).unwrap();
        set.parse("[a]\nregion = r2\n", FileKind::Credentials)
            .unwrap();
        assert_eq!(property(&set, "a", "region"), Some("r2"));
        assert_eq!(property(&set, "a", "x"), Some("2"));
    }

    #[test]
    fn property_names_are_case_insensitive() {
        let set = parse("[default]\nAWS_Access_Key_ID = A\n", FileKind::Credentials);
        assert_eq!(property(&set, "default", "aws_access_key_id"), Some("A"));
    }

    #[test]
    fn crlf_line_endings() {
        let set = parse("[default]\r\nregion = r\r\n", FileKind::Credentials);
        assert_eq!(property(&set, "default", "region"), Some("r"));
    }

    #[test]
    fn malformed_lines_give_the_line_number_but_not_the_line() {
        let cases = [
            (format!("[default]\naws_secret_access_key {SECRET}\n"), 2),
            (format!("aws_secret_access_key = {SECRET}\n"), 1),
            (format!("[default\naws_secret_access_key = {SECRET}\n"), 1),
            (format!("[default] {SECRET}\n"), 1),
            (format!("[default]\n = {SECRET}\n"), 2),
            (format!("[default]\ns3 =\n  {SECRET}\n"), 3),
        ];
        for (text, line) in cases {
            let mut set = ProfileSet::default();
            let err = set.parse(&text, FileKind::Credentials).unwrap_err();
            assert_eq!(err.line(), line, "{text}");
            assert_no_secret(&err);
        }
    }

    #[test]
    fn profile_debug_hides_values() {
        let set = parse(
            &format!("[default]\naws_secret_access_key = {SECRET}\n"),
            FileKind::Credentials,
        );
        let text = format!("{set:?}");
        assert!(text.contains("aws_secret_access_key"), "{text}");
        assert!(!text.contains(SECRET), "{text}");
    }

    /// A temporary home with the given config and credentials files.
    struct Home {
        dir: tempfile::TempDir,
    }

    impl Home {
        fn new(config: Option<&str>, credentials: Option<&str>) -> Home {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join(".aws")).unwrap();
            if let Some(text) = config {
                std::fs::write(dir.path().join(".aws/config"), text).unwrap();
            }
            if let Some(text) = credentials {
                std::fs::write(dir.path().join(".aws/credentials"), text).unwrap();
            }
            Home { dir }
        }

        fn env(&self, vars: &[(&str, &str)]) -> Env {
            let home = self.dir.path().to_str().unwrap().to_owned();
            let vars = vars.iter().map(|(k, v)| (k.to_string(), v.to_string()));
            Env::from_vars(std::iter::once(("HOME".to_owned(), home)).chain(vars))
        }

        fn provide(&self, vars: &[(&str, &str)]) -> Result<Credentials, CredentialsError> {
            ProfileProvider::new(self.env(vars)).provide()
        }
    }

    #[test]
    fn static_keys_from_the_credentials_file() {
        let credentials = format!(
            "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = {SECRET}\n\
             [dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = {SECRET}\n\
             aws_session_token = {TOKEN}\n"
        );
        let home = Home::new(None, Some(&credentials));
        let found = home.provide(&[]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDDEFAULT");
        assert_eq!(found.secret_access_key(), SECRET);
        assert_eq!(found.session_token(), None);
        let found = home.provide(&[(PROFILE, "dev")]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDDEV");
        assert_eq!(found.session_token(), Some(TOKEN));
    }

    #[test]
    fn static_keys_from_the_config_file_lose_to_the_credentials_file() {
        let config = format!(
            "[profile dev]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = {SECRET}\n"
        );
        let home = Home::new(Some(&config), None);
        let found = home.provide(&[(PROFILE, "dev")]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDCONFIG");
        let home = Home::new(
            Some(&config),
            Some("[dev]\naws_access_key_id = AKIDCREDS\n"),
        );
        let found = home.provide(&[(PROFILE, "dev")]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDCREDS");
        assert_eq!(found.secret_access_key(), SECRET);
    }

    #[test]
    fn paths_from_the_environment() {
        let home = Home::new(None, None);
        let other = home.dir.path().join("elsewhere");
        std::fs::write(
            &other,
            "[x]\naws_access_key_id = K\naws_secret_access_key = S\n",
        )
        .unwrap();
        let other_config = home.dir.path().join("cfg");
        std::fs::write(&other_config, "[profile x]\nregion = r\n").unwrap();
        let vars = [
            (CREDENTIALS_FILE, other.to_str().unwrap()),
            (CONFIG_FILE, "~/cfg"),
            (PROFILE, "x"),
        ];
        assert_eq!(home.provide(&vars).unwrap().access_key_id(), "K");
        assert_eq!(region(&home.env(&vars)).unwrap().as_deref(), Some("r"));
    }

    #[test]
    fn no_files_is_not_found_and_names_the_paths() {
        let home = Home::new(None, None);
        let err = home.provide(&[]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        let text = err.to_string();
        assert!(text.starts_with("profile `default`: no file at "), "{text}");
        assert!(text.contains(".aws/config or "), "{text}");
        assert!(text.ends_with(".aws/credentials"), "{text}");
        let err = ProfileProvider::new(Env::from_vars([("X", "y")]))
            .provide()
            .unwrap_err();
        assert!(err.to_string().contains("no home directory"), "{err}");
        let err = home.provide(&[(PROFILE, "chosen")]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        assert!(
            err.to_string().starts_with("profile `chosen`: no file at "),
            "{err}"
        );
    }

    #[test]
    fn missing_profile() {
        let home = Home::new(Some("[profile other]\nregion = r\n"), None);
        let err = home.provide(&[]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        let err = home.provide(&[(PROFILE, "nope")]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        assert!(
            err.to_string()
                .starts_with("profile `nope`: no such profile"),
            "{err}"
        );
    }

    #[test]
    fn role_and_sso_profiles_are_unsupported() {
        let config = format!(
            "[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n\
             [profile sso]\nsso_session = corp\nsso_account_id = 1\n\
             [profile base]\naws_access_key_id = AKID\naws_secret_access_key = {SECRET}\n"
        );
        let home = Home::new(Some(&config), None);
        for (profile, key) in [("role", "role_arn"), ("sso", "sso_session")] {
            let err = home.provide(&[(PROFILE, profile)]).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::Unsupported);
            let text = err.to_string();
            assert!(
                text.starts_with(&format!("profile `{profile}`: ")),
                "{text}"
            );
            assert!(text.contains(key), "{text}");
            assert_no_secret(&err);
        }
    }

    #[test]
    fn key_without_secret_and_empty_profile() {
        let config = format!(
            "[profile half]\naws_access_key_id = AKID\naws_session_token = {TOKEN}\n\
             [profile empty]\nregion = r\n"
        );
        let home = Home::new(Some(&config), None);
        let err = home.provide(&[(PROFILE, "half")]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        assert_no_secret(&err);
        let err = home.provide(&[(PROFILE, "empty")]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        assert!(err.to_string().contains("credential_process"), "{err}");
    }

    #[test]
    fn malformed_file_names_the_file_and_line_but_no_secret() {
        let home = Home::new(
            None,
            Some(&format!("[default]\naws_secret_access_key {SECRET}\n")),
        );
        let err = home.provide(&[]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        let text = err.to_string();
        assert!(text.contains(".aws/credentials"), "{text}");
        assert!(text.contains("line 2"), "{text}");
        assert_no_secret(&err);
        assert!(region(&home.env(&[])).is_err());
    }

    #[test]
    fn region_from_variables_then_profile() {
        let config = "[default]\nregion = eu-north-1\n[profile dev]\nregion = sa-east-1\n";
        let home = Home::new(Some(config), None);
        let get = |vars: &[(&str, &str)]| region(&home.env(vars)).unwrap();
        assert_eq!(get(&[]).as_deref(), Some("eu-north-1"));
        assert_eq!(get(&[(PROFILE, "dev")]).as_deref(), Some("sa-east-1"));
        assert_eq!(get(&[(PROFILE, "none")]), None);
        let vars = [("AWS_DEFAULT_REGION", "us-west-1")];
        assert_eq!(get(&vars).as_deref(), Some("us-west-1"));
        let vars = [
            ("AWS_REGION", "us-east-1"),
            ("AWS_DEFAULT_REGION", "us-west-1"),
        ];
        assert_eq!(get(&vars).as_deref(), Some("us-east-1"));
        assert_eq!(region(&Home::new(None, None).env(&[])).unwrap(), None);
    }

    #[cfg(unix)]
    #[test]
    fn credential_process_of_a_profile() {
        let config = format!(
            "[default]\ncredential_process = printf '%s' '{{\"Version\": 1, \
             \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"{SECRET}\"}}'\n"
        );
        let home = Home::new(Some(&config), None);
        let found = home.provide(&[]).unwrap();
        assert_eq!(found.access_key_id(), "AKIDPROC");
        assert_eq!(found.secret_access_key(), SECRET);
    }
}
