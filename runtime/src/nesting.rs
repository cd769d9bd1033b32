//! How much stack reading and writing a body takes per level of nesting, and a body as
//! deeply nested as the deepest in the corpus, read and written on a 2 MiB
//! thread: the default for spawned threads, tests and tokio's workers, in a debug build.
//!
//! `cargo test -p runtime --lib nesting -- --nocapture` prints the figures.

use crate::primitives::wire::json_structure;
use crate::primitives::Timestamp;
use ::serde::de::{Deserialize, Deserializer};
use ::serde::ser::{Serialize, Serializer};
use ::std::cell::Cell;
use ::std::collections::BTreeMap;

thread_local! {
    /// The lowest stack address a [`Probe`] saw.
    static LOWEST: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// The address of a local of the caller's frame: where its stack is.
#[inline(never)]
fn stack_here() -> usize {
    let local = 0u8;
    ::std::hint::black_box(&local) as *const u8 as usize
}

/// A leaf that notes how deep the stack is when it is read or written.
#[derive(Debug, Clone, PartialEq)]
struct Probe;

impl Serialize for Probe {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LOWEST.set(LOWEST.get().min(stack_here()));
        serializer.serialize_bool(true)
    }
}

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        LOWEST.set(LOWEST.get().min(stack_here()));
        bool::deserialize(deserializer).map(|_| Probe)
    }
}

/// One level: a structure with members of the common kinds, one of which holds the
/// next level.
#[derive(Debug, Clone, PartialEq)]
struct Level {
    name: String,
    arn: Option<String>,
    count: Option<i32>,
    enabled: Option<bool>,
    created: Option<Timestamp>,
    tags: Option<Vec<String>>,
    labels: Option<BTreeMap<String, String>>,
    probe: Option<Probe>,
    next: Option<Box<Level>>,
}

json_structure! {
    Level {
        name: "Name", required, Plain;
        arn: "Arn", optional, Plain;
        count: "Count", optional, Plain;
        enabled: "Enabled", optional, Plain;
        created: "Created", optional, EpochSeconds;
        tags: "Tags", optional, ListOf<Plain>;
        labels: "Labels", optional, MapOf<Plain>;
        probe: "Probe", optional, Plain;
        next: "Next", optional, Plain;
    }
}

/// A body `depth` levels deep, every member set, the probe in the innermost level.
fn body(depth: usize) -> Level {
    let mut level = Level {
        name: "leaf".to_owned(),
        arn: Some("arn:aws:forecast:us-west-2:123456789012:x/y".to_owned()),
        count: Some(7),
        enabled: Some(true),
        created: Some(Timestamp::from_secs(946_845_296)),
        tags: Some(vec!["a".to_owned()]),
        labels: Some(BTreeMap::from([("k".to_owned(), "v".to_owned())])),
        probe: Some(Probe),
        next: None,
    };
    for _ in 1..depth {
        level = Level {
            probe: None,
            next: Some(Box::new(level.clone())),
            ..level
        };
    }
    level
}

/// The stack that reading and then writing a body `depth` levels deep takes, in bytes:
/// (read, write).
fn stack_used(depth: usize) -> (usize, usize) {
    let value = body(depth);
    let text = ::serde_json::to_string(&value).unwrap();
    let top = stack_here();
    LOWEST.set(usize::MAX);
    let read: Level = ::serde_json::from_str(&text).unwrap();
    let read_depth = top - LOWEST.get();
    LOWEST.set(usize::MAX);
    let written = ::serde_json::to_string(&read).unwrap();
    let write_depth = top - LOWEST.get();
    assert_eq!(written, text);
    (read_depth, write_depth)
}

/// Structures nested inline, without boxes, as generated code nests acyclic shapes:
/// `Inline0` holds `Inline1` and so on; `Inline12` holds the probe.
macro_rules! inline_levels {
    ($($name:ident => $next:ty;)+) => {$(
        #[derive(Debug, Clone, PartialEq)]
        struct $name {
            name: String,
            arn: Option<String>,
            count: Option<i32>,
            enabled: Option<bool>,
            created: Option<Timestamp>,
            tags: Option<Vec<String>>,
            labels: Option<BTreeMap<String, String>>,
            next: Option<$next>,
        }

        json_structure! {
            $name {
                name: "Name", required, Plain;
                arn: "Arn", optional, Plain;
                count: "Count", optional, Plain;
                enabled: "Enabled", optional, Plain;
                created: "Created", optional, EpochSeconds;
                tags: "Tags", optional, ListOf<Plain>;
                labels: "Labels", optional, MapOf<Plain>;
                next: "Next", optional, Plain;
            }
        }
    )+};
}

inline_levels! {
    Inline0 => Inline1;
    Inline1 => Inline2;
    Inline2 => Inline3;
    Inline3 => Inline4;
    Inline4 => Inline5;
    Inline5 => Inline6;
    Inline6 => Inline7;
    Inline7 => Inline8;
    Inline8 => Inline9;
    Inline9 => Inline10;
    Inline10 => Inline11;
    Inline11 => Inline12;
    Inline12 => Probe;
}

/// How many levels `Inline0` nests: the deepest nesting in the corpus's models.
const DEEPEST: usize = 13;

/// The folder of the corpus's AWS models.
fn corpus() -> ::std::path::PathBuf {
    codegen::checkout::corpus()
}

/// How deeply a body of `shape` can nest: one level per structure, union, list and
/// map, each cycle cut where it closes (a cyclic type nests as deeply as its data).
fn nesting(
    shapes: &::serde_json::Map<String, ::serde_json::Value>,
    shape: &str,
    path: &mut Vec<String>,
) -> usize {
    let Some(definition) = shapes.get(shape) else {
        return 0;
    };
    let targets: Vec<&str> = match definition["type"].as_str() {
        Some("structure" | "union") => definition["members"]
            .as_object()
            .into_iter()
            .flat_map(|members| members.values())
            .filter_map(|member| member["target"].as_str())
            .collect(),
        Some("list" | "set") => definition["member"]["target"]
            .as_str()
            .into_iter()
            .collect(),
        Some("map") => definition["value"]["target"].as_str().into_iter().collect(),
        _ => return 0,
    };
    if path.iter().any(|open| open == shape) {
        return 0;
    }
    path.push(shape.to_owned());
    let deepest = targets
        .into_iter()
        .map(|target| nesting(shapes, target, path))
        .max();
    path.pop();
    1 + deepest.unwrap_or(0)
}

/// The deepest nesting of any shape of the model in `file`.
fn deepest_in(file: &::std::path::Path) -> usize {
    let text = ::std::fs::read_to_string(file).unwrap();
    let model: ::serde_json::Value = ::serde_json::from_str(&text).unwrap();
    let shapes = model["shapes"].as_object().unwrap();
    shapes
        .keys()
        .map(|shape| nesting(shapes, shape, &mut Vec::new()))
        .max()
        .unwrap_or(0)
}

#[test]
fn the_deepest_nesting_in_the_corpus_is_the_one_tested() {
    let mut deepest = Vec::new();
    for entry in ::std::fs::read_dir(corpus()).unwrap() {
        let file = entry.unwrap().path();
        if file.extension().is_some_and(|e| e == "json") {
            deepest.push((deepest_in(&file), file));
        }
    }
    let (depth, file) = deepest.into_iter().max().unwrap();
    println!("deepest nesting: {depth} levels, in {}", file.display());
    assert_eq!(depth, DEEPEST, "{}", file.display());
}

#[test]
fn the_deepest_body_reads_and_writes_on_a_2_mib_thread() {
    let thread = ::std::thread::Builder::new().stack_size(2 << 20);
    let used = thread.spawn(|| {
        // Each level as `body` makes it, its innermost `Next` the probe.
        let text = ::serde_json::to_string(&body(DEEPEST)).unwrap();
        let text = text.replace(r#""Probe":true"#, r#""Next":true"#);
        let top = stack_here();
        LOWEST.set(usize::MAX);
        let read: Inline0 = ::serde_json::from_str(&text).unwrap();
        let read_used = top - LOWEST.get();
        LOWEST.set(usize::MAX);
        assert_eq!(::serde_json::to_string(&read).unwrap(), text);
        (read_used, top - LOWEST.get())
    });
    let (read, write) = used.unwrap().join().unwrap();
    println!(
        "{DEEPEST} levels of {} bytes at the top: read {read} bytes of stack, write {write}",
        size_of::<Inline0>()
    );
}

/// Reading and writing a body takes a bounded amount of stack per level of nesting:
/// the figures that BENCHMARKS.md gives, with some room.
#[test]
fn stack_per_level_stays_small() {
    let (read_10, write_10) = stack_used(10);
    let (read_60, write_60) = stack_used(60);
    let (read, write) = ((read_60 - read_10) / 50, (write_60 - write_10) / 50);
    println!(
        "per level of {} bytes: read {read} bytes of stack, write {write}",
        size_of::<Level>()
    );
    assert!(
        read <= 2_400 && write <= 1_500,
        "read {read}, write {write}"
    );
}
