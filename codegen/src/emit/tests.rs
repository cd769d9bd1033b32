//! Tests across emitters: a member's docs state exactly the facts its `Debug` and its
//! checks act on, and docs links resolve to every generated item, including one the
//! model names `Error`; only the crate's own names take the prelude's names in a file;
//! code written as text reads as prettyplease prints it.

use std::path::Path;

use super::docs::{self, Facts, Links};
use super::fallback::Fallbacks;
use super::structure::{self, REDACTED};
use super::{paths, text, union, validate, Emitter};
use crate::format::code::{Code, Piece};
use crate::typespace::{self, Item, ItemKind, TypeSpace};

/// The models the tests read: Forecast and the fixtures.
const MODELS: &[&str] = &[
    "../model/forecast-2018-06-26.json",
    "tests/fixtures/everything.json",
    "tests/fixtures/collision.json",
];

fn space(path: &str) -> TypeSpace {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (model, problems) = crate::load::load(&text, path).unwrap();
    crate::validate::validate(&model, problems).unwrap();
    let selection = crate::select::select(&model, &[]).unwrap();
    typespace::build(&model, &selection).unwrap()
}

/// What one member's code does, counted from the emitted tokens.
#[derive(Debug, PartialEq, Eq)]
struct Acts {
    lengths: usize,
    ranges: usize,
    patterns: usize,
    redacted: bool,
}

/// The same, as the member's facts line states it.
fn stated(facts: &str) -> Acts {
    let patterns = facts.matches("Pattern:").count();
    Acts {
        lengths: facts.matches("Length:").count(),
        ranges: facts.matches("Range:").count(),
        patterns: patterns - facts.matches("does not check it").count(),
        redacted: facts.contains("Sensitive"),
    }
}

fn acted(checks: &str, redacted: bool) -> Acts {
    let count = |calls: &[&str]| calls.iter().map(|c| checks.matches(c).count()).sum();
    Acts {
        lengths: count(&["check_chars", "check_bytes", "check_count"]),
        ranges: count(&["check_int", "check_float", "check_big"]),
        patterns: count(&["check_pattern"]),
        redacted,
    }
}

/// The item cut down to its `index`th member, with that member's facts line.
fn one_member(links: &Links, item: &Item, index: usize) -> Option<(Item, String, String)> {
    let mut single = item.clone();
    let (member, facts) = match &mut single.kind {
        ItemKind::Struct { fields, .. } => {
            let field = fields.get(index)?.clone();
            let facts = docs::facts_line(links, &Facts::of_field(&field));
            let member = field.member.clone();
            *fields = vec![field];
            (member, facts)
        }
        ItemKind::Union { variants, .. } => {
            let variant = variants.get(index)?.clone();
            let facts = docs::facts_line(links, &Facts::of_variant(&variant));
            let member = variant.member.clone();
            *variants = vec![variant];
            (member, facts)
        }
        _ => return None,
    };
    Some((single, member, facts))
}

/// Whether the `Debug` of an item cut down to one member hides that member's value:
/// the value is printed by a derived `Debug`, or by a written one that passes it to
/// `field`.
fn hides_value(links: &Links, fallbacks: &Fallbacks, item: &Item) -> bool {
    if !item.derives.redacted_debug {
        return false;
    }
    match &item.kind {
        ItemKind::Struct {
            fields, sensitive, ..
        } => {
            let debug = structure::redacted_debug(&item.name, fields, *sensitive).to_string();
            let shown = format!("& self . {})", fields[0].name);
            !debug.replace(" )", ")").contains(&shown)
        }
        ItemKind::Union {
            variants, unknown, ..
        } => {
            let debug = union::emit(links, fallbacks, item, variants, unknown).to_string();
            assert!(!debug.contains(REDACTED) || !debug.contains(". field (value)"));
            !debug.contains(". field (value)")
        }
        _ => false,
    }
}

#[test]
fn every_member_docs_state_what_its_debug_and_checks_do() {
    let mut compared = 0;
    for path in MODELS {
        let space = space(path);
        let links = Links::new(&space);
        let fallbacks = Fallbacks::new(&space, &links);
        for item in space.items.values() {
            for index in 0.. {
                let Some((single, member, facts)) = one_member(&links, item, index) else {
                    break;
                };
                let checks = validate::impls(&single, &space.patterns);
                let redacted = hides_value(&links, &fallbacks, &single);
                assert_eq!(
                    stated(&facts),
                    acted(&checks, redacted),
                    "{path}: {}.{member}: docs say {facts:?}",
                    item.name
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 700, "only {compared} members compared");
}

/// Text as prettyplease prints it once parsed.
fn reprinted(text: &str) -> String {
    let code = Code::from(text.parse::<proc_macro2::TokenStream>().unwrap());
    crate::format::format("test", code, "").unwrap()
}

/// The text of the files' parts.
fn text_of(code: Code) -> String {
    let pieces = code.into_pieces().into_iter();
    pieces
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::Tokens(tokens) | Piece::Members(tokens) => panic!("tokens: {tokens}"),
        })
        .collect()
}

/// Validation code that fits in the margin, which the item file takes as text, and the
/// patterns file are what prettyplease prints for them.
#[test]
fn validation_text_is_laid_out_as_prettyplease_lays_it_out() {
    let _scope = paths::Scope::enter(Default::default());
    let mut compared = 0;
    for path in MODELS {
        let space = space(path);
        for item in space.items.values() {
            let text = validate::impls(item, &space.patterns);
            if text::fits(&text) {
                assert_eq!(reprinted(&text), text, "{path}: {}", item.name);
                compared += 1;
            }
        }
        if let Some(file) = validate::patterns_file(&space) {
            let text = text_of(file.code);
            assert_eq!(reprinted(&text), text, "{path}: patterns");
        }
    }
    assert!(compared > 250, "only {compared} items compared");
}

#[test]
fn a_list_of_sensitive_values_says_so_in_its_docs() {
    let space = space(MODELS[0]);
    let links = Links::new(&space);
    let item = space.item_named("UntagResourceRequest").unwrap();
    let ItemKind::Struct { fields, .. } = &item.kind else {
        panic!("UntagResourceRequest is a structure");
    };
    let tag_keys = fields.iter().find(|f| f.member == "TagKeys").unwrap();
    let facts = docs::facts_line(&links, &Facts::of_field(tag_keys));
    assert!(facts.contains("Sensitive"), "{facts}");
    assert!(facts.contains("Each item: Length: `1..=128`."), "{facts}");
}

#[test]
fn links_resolve_every_item_and_operation_but_no_error_enum() {
    let space = space(MODELS[1]);
    let links = Links::new(&space);
    assert_eq!(links.resolve("Error").as_deref(), Some("crate::Error"));
    assert_eq!(
        links.resolve("CreateWidget").as_deref(),
        Some("crate::CreateWidget")
    );
    assert_eq!(links.resolve("CreateWidgetError"), None);
    for item in space.items.values() {
        assert!(links.resolve(item.id.name()).is_some(), "{}", item.id);
    }
    let markdown = links.markdown("<p>Fails with <a>Error</a>.</p>");
    assert!(markdown.contains("[`Error`]: crate::Error"), "{markdown}");
}

/// `Emitter::emit` reads a file for the prelude names it takes only when the crate
/// declares one: every other name a file declares or imports is the generator's own.
#[test]
fn only_the_crates_own_names_take_prelude_names() {
    for path in MODELS {
        let space = space(path);
        let links = Links::new(&space);
        let emitter = Emitter::new(&space, &links, "test-types", None);
        for part in emitter.parts() {
            let Some(file) = emitter.tokens(&part) else {
                continue;
            };
            for name in paths::taken(&file.code, &emitter.crate_names) {
                assert!(
                    space.by_name.contains_key(&name),
                    "{path}: {}: {name}",
                    file.path
                );
            }
        }
    }
}

/// Every file, the SDK conversions left out (`layout` lays those out its own way), reads
/// as prettyplease prints it: the text emitters break lines where prettyplease does.
#[test]
fn files_read_as_prettyplease_prints_them() {
    let mut differ = Vec::new();
    let mut compared = 0;
    for path in MODELS {
        let mut space = space(path);
        space.service.sdk_id = None;
        let links = Links::new(&space);
        let emitter = Emitter::new(&space, &links, "test-types", None);
        for part in emitter.parts() {
            let Some(file) = emitter.emit(&part) else {
                continue;
            };
            let text = crate::format::format(&file.path, file.code, "").unwrap();
            compared += 1;
            if reprinted(&text) != text {
                differ.push(format!("{path}: {}", file.path));
            }
        }
    }
    assert!(compared > 300, "only {compared} files compared");
    assert!(differ.is_empty(), "laid out otherwise: {differ:#?}");
}
