//! Which conversions can fail, each way: from the SDK, a union's unknown member or a
//! member ours requires that the SDK may lack; to the SDK, a union member the SDK does
//! not know or a builder whose `build()` returns a `Result`; and both ways, any type
//! that holds a fallible one.

use std::collections::BTreeSet;

use super::generator::Generator;
use super::values::Dir;
use crate::typespace::{Item, ItemKind};

impl<'a> Generator<'a> {
    /// Grows [`Generator::fallible`] from nothing until it holds every item whose
    /// conversion can fail: holding a fallible type makes a type fallible, and types
    /// can hold each other in cycles.
    pub(super) fn find_fallible(&mut self) {
        loop {
            let found = self.failing_now();
            if found == self.fallible {
                return;
            }
            self.fallible = found;
        }
    }

    /// The items that fail either way, given the failing items known so far.
    fn failing_now(&self) -> BTreeSet<(Dir, &'a str)> {
        let mut found = BTreeSet::new();
        for dir in [Dir::FromSdk, Dir::ToSdk] {
            for (name, item) in &self.items {
                if self.item_fails(item, false, dir) {
                    found.insert((dir, *name));
                }
            }
        }
        found
    }

    /// Whether converting the item `dir` can fail, for the SDK structure it stands for
    /// (an operation input when `input`).
    pub fn item_fails(&self, item: &Item, input: bool, dir: Dir) -> bool {
        let fields = match &item.kind {
            ItemKind::Union { .. } => return true,
            ItemKind::Struct { fields, .. } => fields,
            ItemKind::Enum { .. } | ItemKind::IntEnum { .. } => return false,
        };
        let inner = fields.iter().any(|f| self.type_fails(&f.ty, dir));
        inner
            || match dir {
                Dir::FromSdk => fields.iter().any(|f| self.may_lack(f, input)),
                Dir::ToSdk => self.builder_checks(fields, input),
            }
    }
}
