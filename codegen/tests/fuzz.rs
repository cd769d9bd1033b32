//! Fuzzes `codegen::generate` with real AWS models mutated as JSON values and as bytes:
//! it never panics, crashes or hangs, every error names the file, and every success
//! parses as Rust.
//!
//! `cargo test` runs 64 cases from a fixed seed, so the run is the same every time. For a
//! long run: `PROPTEST_CASES=20000 PROPTEST_RNG_SEED=$RANDOM cargo test --release -p
//! codegen --test fuzz`. Each case runs in a child process (proptest's `fork`), so a
//! stack overflow or a hang is reported, shrunk, like a panic; `PROPTEST_TIMEOUT` (ms,
//! default 60000) bounds one case.

mod common;

use std::fmt;
use std::path::Path;
use std::sync::OnceLock;
use std::thread;

use codegen::{Error, GeneratedFile};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{json, Map, Value};

/// Small real models of `corpus/`, between them every kind of shape.
const SEEDS: &[&str] = &[
    "freetier-2023-09-07.json",
    "apigatewaymanagementapi-2018-11-29.json",
    "forecastquery-2018-06-26.json",
    "marketplace-deployment-2023-01-25.json",
    "rds-data-2018-08-01.json",
];

/// The stack the generator runs on: the size of a main thread, as in `cargo xtask`.
const STACK: usize = 8 << 20;

/// The seed models, parsed, read once per process.
fn seeds() -> &'static [Value] {
    static SEEDS_JSON: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS_JSON.get_or_init(|| SEEDS.iter().map(|name| read_seed(name)).collect())
}

fn read_seed(name: &str) -> Value {
    let path = codegen::checkout::corpus().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read the fuzz seed {}: {err}", path.display()));
    serde_json::from_str(&text).expect("a seed model is valid JSON")
}

/// A JSON value of some type, to put where another was.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    EmptyList,
    EmptyObject,
}

/// Where a `target` is pointed instead.
#[derive(Debug, Clone)]
enum Target {
    /// A well-formed id of a shape that is not there.
    Missing,
    /// A string that is not a shape id.
    Malformed(String),
    /// Another shape of the model (by index), or a prelude shape.
    Existing(usize),
}

/// One change to the model's JSON. Each `pick` chooses, modulo their number, among the
/// places the change applies to, in document order.
#[derive(Debug, Clone)]
enum Edit {
    /// Removes a key of an object.
    DeleteKey { pick: usize, key: usize },
    /// Renames a key of an object: a shape id, member name, trait id or property.
    RenameKey { pick: usize, key: usize, to: String },
    /// Replaces a value by one of another type.
    Replace { pick: usize, with: Json },
    /// Points a member's or binding's `target` elsewhere.
    Retarget { pick: usize, to: Target },
    /// Copies a member under its name in another case: `usageType` beside `UsageType`.
    DuplicateMember {
        pick: usize,
        member: usize,
        upper: bool,
    },
    /// Rotates the members of a shape, so another comes first.
    RotateMembers { pick: usize, by: usize },
    /// Sets a shape's `type`, to a real one or one Smithy does not have.
    ChangeType { pick: usize, to: String },
    /// Adds a shape of some type with one member, targeting a shape of the model.
    AddShape {
        name: String,
        ty: String,
        target: usize,
    },
    /// Wraps a value in `depth` arrays, or objects.
    Nest {
        pick: usize,
        depth: usize,
        objects: bool,
    },
}

/// One change to the model's bytes, after the JSON edits are written out.
#[derive(Debug, Clone)]
enum ByteEdit {
    Truncate { at: usize },
    Flip { at: usize, mask: u8 },
    Insert { at: usize, bytes: Vec<u8> },
}

/// A fuzz case: a seed model and the changes made to it.
#[derive(Clone)]
struct Case {
    seed: usize,
    edits: Vec<Edit>,
    bytes: Vec<ByteEdit>,
}

impl fmt::Debug for Case {
    /// The edits, and where they landed in the seed model: the reproducer of a failure.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut model = seeds()[self.seed].clone();
        let changes: Vec<String> = self.edits.iter().map(|e| apply(&mut model, e)).collect();
        let mut bytes = serde_json::to_vec_pretty(&model).unwrap_or_default();
        let byte_changes: Vec<String> = self
            .bytes
            .iter()
            .map(|e| apply_bytes(&mut bytes, e))
            .collect();
        f.debug_struct("Case")
            .field("seed", &SEEDS[self.seed])
            .field("edits", &self.edits)
            .field("bytes", &self.bytes)
            .field("changes", &changes)
            .field("byte_changes", &byte_changes)
            .finish()
    }
}

const SHAPE_TYPES: &[&str] = &[
    "blob",
    "boolean",
    "string",
    "integer",
    "long",
    "double",
    "timestamp",
    "document",
    "enum",
    "intEnum",
    "list",
    "set",
    "map",
    "structure",
    "union",
    "service",
    "operation",
    "resource",
    "apply",
    "tuple",
    "",
    "Structure",
];

fn json_strategy() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![Just(i64::MIN), Just(-1i64), Just(0i64), any::<i64>()].prop_map(Json::Int),
        prop_oneof![
            Just(1e308),
            Just(-0.5),
            any::<f64>().prop_filter("finite", |f| f.is_finite())
        ]
        .prop_map(Json::Float),
        text_strategy().prop_map(Json::Text),
        Just(Json::EmptyList),
        Just(Json::EmptyObject),
    ]
}

/// Short text: printable ASCII, or any characters at all, line breaks included.
fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof!["[ -~]{0,12}", "(?s).{0,12}"]
}

fn target_strategy() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Missing),
        prop_oneof![
            Just(String::new()),
            Just("NoNamespace".to_owned()),
            Just("ns#".to_owned()),
            Just("ns#Name$".to_owned()),
            "[a-z.#$_0-9 -]{1,16}",
        ]
        .prop_map(Target::Malformed),
        any::<usize>().prop_map(Target::Existing),
    ]
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let pick = any::<usize>;
    prop_oneof![
        (pick(), pick()).prop_map(|(pick, key)| Edit::DeleteKey { pick, key }),
        (pick(), pick(), text_strategy()).prop_map(|(pick, key, to)| Edit::RenameKey {
            pick,
            key,
            to
        }),
        (pick(), json_strategy()).prop_map(|(pick, with)| Edit::Replace { pick, with }),
        (pick(), target_strategy()).prop_map(|(pick, to)| Edit::Retarget { pick, to }),
        (pick(), pick(), any::<bool>()).prop_map(|(pick, member, upper)| {
            Edit::DuplicateMember {
                pick,
                member,
                upper,
            }
        }),
        (pick(), 1..8usize).prop_map(|(pick, by)| Edit::RotateMembers { pick, by }),
        (pick(), select(SHAPE_TYPES)).prop_map(|(pick, to)| Edit::ChangeType {
            pick,
            to: to.to_owned()
        }),
        ("[A-Z][A-Za-z0-9_]{0,8}", select(SHAPE_TYPES), pick()).prop_map(|(name, ty, target)| {
            Edit::AddShape {
                name,
                ty: ty.to_owned(),
                target,
            }
        }),
        (pick(), 1..200usize, any::<bool>()).prop_map(|(pick, depth, objects)| Edit::Nest {
            pick,
            depth,
            objects
        }),
    ]
}

fn byte_edit_strategy() -> impl Strategy<Value = ByteEdit> {
    let at = any::<usize>;
    let token = select(vec![
        b"{".to_vec(),
        b"}".to_vec(),
        b"[".to_vec(),
        b"\"".to_vec(),
        b",".to_vec(),
        b"\\".to_vec(),
        b"\\u".to_vec(),
        vec![0],
        vec![0xff],
        "\u{2028}".as_bytes().to_vec(),
    ]);
    prop_oneof![
        at().prop_map(|at| ByteEdit::Truncate { at }),
        (at(), 1..=255u8).prop_map(|(at, mask)| ByteEdit::Flip { at, mask }),
        (at(), prop_oneof![token, vec(any::<u8>(), 1..4)])
            .prop_map(|(at, bytes)| ByteEdit::Insert { at, bytes }),
    ]
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        0..SEEDS.len(),
        vec(edit_strategy(), 0..4),
        prop_oneof![3 => Just(Vec::new()), 1 => vec(byte_edit_strategy(), 1..3)],
    )
        .prop_map(|(seed, edits, bytes)| Case { seed, edits, bytes })
}

/// JSON Pointers to every value under `value` that `keep` accepts, in document order.
fn pointers(value: &Value, keep: &dyn Fn(&str, &Value) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![(String::new(), value)];
    while let Some((pointer, value)) = pending.pop() {
        if keep(&pointer, value) {
            found.push(pointer.clone());
        }
        let children: Vec<(String, &Value)> = match value {
            Value::Object(map) => map.iter().map(|(k, v)| (escape(k), v)).collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => Vec::new(),
        };
        let children = children.into_iter().rev();
        pending.extend(children.map(|(key, child)| (format!("{pointer}/{key}"), child)));
    }
    found
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The pointer to and the value at the `pick`-th place `keep` accepts, if there is one.
fn picked(model: &mut Value, pick: usize, keep: Keep) -> Option<(String, &mut Value)> {
    let all = pointers(model, &keep);
    let pointer = all.get(pick % all.len().max(1))?.clone();
    let value = model.pointer_mut(&pointer)?;
    Some((pointer, value))
}

/// Which values an edit may land on, given each one's JSON Pointer.
type Keep = fn(&str, &Value) -> bool;

fn shape_ids(model: &Value) -> Vec<String> {
    let prelude = [
        "smithy.api#String",
        "smithy.api#Unit",
        "smithy.api#Document",
    ];
    let own = model["shapes"].as_object().into_iter().flat_map(Map::keys);
    own.cloned().chain(prelude.map(str::to_owned)).collect()
}

fn is_target(pointer: &str, value: &Value) -> bool {
    pointer.ends_with("/target") && value.is_string()
}

fn is_members(pointer: &str, value: &Value) -> bool {
    pointer.ends_with("/members") && value.as_object().is_some_and(|m| !m.is_empty())
}

fn is_shape(pointer: &str, value: &Value) -> bool {
    pointer.starts_with("/shapes/") && pointer.matches('/').count() == 2 && value.is_object()
}

fn any_value(_: &str, _: &Value) -> bool {
    true
}

fn is_object(_: &str, value: &Value) -> bool {
    value.as_object().is_some_and(|m| !m.is_empty())
}

fn is_shapes(pointer: &str, value: &Value) -> bool {
    pointer == "/shapes" && value.is_object()
}

fn to_value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => json!(b),
        Json::Int(i) => json!(i),
        Json::Float(f) => json!(f),
        Json::Text(s) => json!(s),
        Json::EmptyList => json!([]),
        Json::EmptyObject => json!({}),
    }
}

fn retarget(to: &Target, ids: &[String]) -> Value {
    match to {
        Target::Missing => json!("com.amazonaws.fuzz#NotThere"),
        Target::Malformed(text) => json!(text),
        Target::Existing(i) => json!(ids[i % ids.len()]),
    }
}

fn duplicate_member(members: &mut Value, member: usize, upper: bool) -> String {
    let Some(map) = members.as_object_mut() else {
        return "not an object".to_owned();
    };
    let Some((name, value)) = map.iter().nth(member % map.len().max(1)) else {
        return "no member".to_owned();
    };
    let twin = match upper {
        true => name.to_uppercase(),
        false => name.to_lowercase(),
    };
    let done = format!("copied `{name}` to `{twin}`");
    let value = value.clone();
    map.entry(twin).or_insert(value);
    done
}

fn rotate_members(members: &mut Value, by: usize) -> String {
    let Some(map) = members.as_object_mut() else {
        return "not an object".to_owned();
    };
    let mut entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
    let len = entries.len().max(1);
    entries.rotate_left(by % len);
    map.extend(entries);
    format!("members now {:?}", map.keys().collect::<Vec<_>>())
}

fn delete_key(object: &mut Value, key: usize) -> String {
    let Some(map) = object.as_object_mut() else {
        return "not an object".to_owned();
    };
    let name = map
        .keys()
        .nth(key % map.len().max(1))
        .cloned()
        .unwrap_or_default();
    map.shift_remove(&name);
    format!("deleted `{name}`")
}

/// Renames a key in place, keeping the order of the others.
fn rename_key(object: &mut Value, key: usize, to: &str) -> String {
    let Some(map) = object.as_object_mut() else {
        return "not an object".to_owned();
    };
    let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
    let name = entries[key % entries.len().max(1)].0.clone();
    map.extend(entries.into_iter().map(|(k, v)| match k == name {
        true => (to.to_owned(), v),
        false => (k, v),
    }));
    format!("renamed `{name}` to {to:?}")
}

fn add_shape(shapes: &mut Value, name: &str, ty: &str, target: &str) -> String {
    let id = format!("com.amazonaws.fuzz#{name}");
    let shape = json!({ "type": ty, "members": { "m": { "target": target } } });
    let done = format!("added `{id}`: {shape}");
    shapes[id] = shape;
    done
}

fn nest(value: &mut Value, depth: usize, objects: bool) {
    let mut nested = value.take();
    for _ in 0..depth {
        nested = match objects {
            true => json!({ "n": nested }),
            false => json!([nested]),
        };
    }
    *value = nested;
}

/// Makes one edit, returning where it landed and what it did.
fn apply(model: &mut Value, edit: &Edit) -> String {
    let ids = shape_ids(model);
    let (pick, keep) = place(edit);
    match picked(model, pick, keep) {
        Some((pointer, value)) => format!("{pointer}: {}", change(value, edit, &ids)),
        None => "nowhere to apply".to_owned(),
    }
}

/// The `pick` of an edit, and the values it may land on.
fn place(edit: &Edit) -> (usize, Keep) {
    match edit {
        Edit::DeleteKey { pick, .. } | Edit::RenameKey { pick, .. } => (*pick, is_object),
        Edit::Replace { pick, .. } | Edit::Nest { pick, .. } => (*pick, any_value),
        Edit::Retarget { pick, .. } => (*pick, is_target),
        Edit::DuplicateMember { pick, .. } | Edit::RotateMembers { pick, .. } => {
            (*pick, is_members)
        }
        Edit::ChangeType { pick, .. } => (*pick, is_shape),
        Edit::AddShape { .. } => (0, is_shapes),
    }
}

/// Changes the value an edit landed on, returning what it did.
fn change(value: &mut Value, edit: &Edit, ids: &[String]) -> String {
    match edit {
        Edit::DeleteKey { key, .. } => delete_key(value, *key),
        Edit::RenameKey { key, to, .. } => rename_key(value, *key, to),
        Edit::Replace { with, .. } => {
            *value = to_value(with);
            format!("replaced by {value}")
        }
        Edit::Retarget { to, .. } => {
            *value = retarget(to, ids);
            format!("now {value}")
        }
        Edit::DuplicateMember { member, upper, .. } => duplicate_member(value, *member, *upper),
        Edit::RotateMembers { by, .. } => rotate_members(value, *by),
        Edit::ChangeType { to, .. } => {
            value["type"] = json!(to);
            format!("type now {to:?}")
        }
        Edit::AddShape { name, ty, target } => add_shape(value, name, ty, &ids[target % ids.len()]),
        Edit::Nest { depth, objects, .. } => {
            nest(value, *depth, *objects);
            format!("nested {depth} deep")
        }
    }
}

/// Makes one byte edit, returning what it did.
fn apply_bytes(bytes: &mut Vec<u8>, edit: &ByteEdit) -> String {
    let len = bytes.len();
    match edit {
        ByteEdit::Truncate { at } => {
            bytes.truncate(at % (len + 1));
            format!("cut to {} of {len} bytes", bytes.len())
        }
        ByteEdit::Flip { at, mask } if len > 0 => {
            let i = at % len;
            bytes[i] ^= mask;
            format!(
                "byte {i} of {len}: {:#04x} is now {:#04x}",
                bytes[i] ^ mask,
                bytes[i]
            )
        }
        ByteEdit::Flip { .. } => "nothing to flip".to_owned(),
        ByteEdit::Insert { at, bytes: new } => {
            let i = at % (len + 1);
            bytes.splice(i..i, new.iter().copied());
            format!("inserted {new:?} at byte {i} of {len}")
        }
    }
}

/// The model text of a case. Bytes that are not UTF-8 are replaced: `cargo xtask` rejects
/// such a file before the generator sees it.
fn model_text(case: &Case) -> String {
    let mut model = seeds()[case.seed].clone();
    for edit in &case.edits {
        apply(&mut model, edit);
    }
    let mut bytes = serde_json::to_vec_pretty(&model).expect("a JSON value serializes");
    for edit in &case.bytes {
        apply_bytes(&mut bytes, edit);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

type Outcome = Result<Vec<GeneratedFile>, Error>;

/// Generates on a thread with a main thread's stack; `Err` holds a panic's message.
fn generate(text: String, name: &str) -> Result<Outcome, String> {
    let mut options = common::options(&[]);
    options.model_name = name.to_owned();
    let worker = thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || codegen::generate(&text, &options))
        .expect("a thread starts");
    worker.join().map_err(|payload| {
        let text = payload.downcast_ref::<&str>().map(|s| s.to_string());
        text.or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let name = SEEDS[case.seed];
    let outcome = generate(model_text(case), name);
    let outcome = outcome.map_err(|panic| TestCaseError::fail(format!("panicked: {panic}")))?;
    match outcome {
        Err(error) => {
            let shown = error.to_string();
            prop_assert!(
                shown.starts_with(&format!("{name}:")),
                "the error does not name the file: {shown}"
            );
        }
        Ok(files) => {
            for file in files.iter().filter(|f| is_rust(&f.path)) {
                if let Err(error) = syn::parse_file(&file.contents) {
                    let path = file.path.display();
                    return Err(TestCaseError::fail(format!(
                        "{path} does not parse: {error}"
                    )));
                }
            }
        }
    }
    Ok(())
}

fn is_rust(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "rs")
}

/// 64 cases from a fixed seed unless `PROPTEST_CASES` and `PROPTEST_RNG_SEED` say
/// otherwise; every case in a child process, with a time limit. Failures are printed,
/// not written into the source tree.
fn config() -> Config {
    let set = |name: &str| std::env::var_os(name).is_some();
    let mut config = Config {
        fork: true,
        failure_persistence: None,
        ..Config::default()
    };
    if !set("PROPTEST_CASES") {
        config.cases = 64;
    }
    if !set("PROPTEST_RNG_SEED") {
        config.rng_seed = RngSeed::Fixed(0x5eed);
    }
    if !set("PROPTEST_TIMEOUT") {
        config.timeout = 60_000;
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_models_never_panic_and_errors_name_the_file(case in case_strategy()) {
        check(&case)?;
    }
}

#[test]
fn every_seed_model_generates_unchanged() {
    for (seed, name) in SEEDS.iter().enumerate() {
        let case = Case {
            seed,
            edits: Vec::new(),
            bytes: Vec::new(),
        };
        let outcome = generate(model_text(&case), name).expect("no panic");
        assert!(outcome.is_ok(), "{name}: {}", outcome.unwrap_err());
    }
}

#[test]
fn edits_change_the_model_as_they_say() {
    let edited = |edit: Edit| {
        let mut model = seeds()[0].clone();
        let done = apply(&mut model, &edit);
        (done, model.to_string())
    };
    let to = Target::Missing;
    let (done, model) = edited(Edit::Retarget { pick: 0, to });
    assert!(model.contains("\"com.amazonaws.fuzz#NotThere\""), "{done}");
    assert!(
        done.ends_with("/target: now \"com.amazonaws.fuzz#NotThere\""),
        "{done}"
    );
    let (member, upper) = (0, false);
    let (done, model) = edited(Edit::DuplicateMember {
        pick: 0,
        member,
        upper,
    });
    let dimension = "/shapes/com.amazonaws.freetier#Dimension/members";
    assert_eq!(done, format!("{dimension}: copied `SERVICE` to `service`"));
    assert!(model.contains("\"service\":{\"target\":\"smithy.api#Unit\""));
    let mut deep = json!(1);
    nest(&mut deep, 3, false);
    assert_eq!(deep, json!([[[1]]]));
    let mut object = json!({ "a": 1, "b": 2, "c": 3 });
    assert_eq!(rename_key(&mut object, 1, "x"), "renamed `b` to \"x\"");
    assert_eq!(object.to_string(), r#"{"a":1,"x":2,"c":3}"#);
}

#[test]
fn byte_edits_change_the_text_as_they_say() {
    let mut bytes = b"{}".to_vec();
    let insert = ByteEdit::Insert {
        at: 2,
        bytes: vec![b'x'],
    };
    assert_eq!(
        apply_bytes(&mut bytes, &insert),
        "inserted [120] at byte 2 of 2"
    );
    let flip = ByteEdit::Flip { at: 3, mask: 0x20 };
    assert_eq!(
        apply_bytes(&mut bytes, &flip),
        "byte 0 of 3: 0x7b is now 0x5b"
    );
    assert_eq!(bytes, b"[}x");
    let cut = ByteEdit::Truncate { at: 5 };
    assert_eq!(apply_bytes(&mut bytes, &cut), "cut to 1 of 3 bytes");
}
