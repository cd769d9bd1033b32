//! Boxing: a member is boxed only when it closes a cycle of shapes that contain each
//! other directly (not through a list or map, which are already on the heap).

use std::collections::{BTreeMap, BTreeSet};

/// Direct-containment edges between items, by Rust name: `from` has a member of type
/// `to` that is not behind a list or map.
pub type Edges = BTreeMap<String, BTreeSet<String>>;

/// The strongly connected component of every node, by index. Two items need a box
/// between them exactly when they are in the same component: every edge inside a
/// component lies on a cycle. The result depends only on the graph, not on the order
/// shapes were visited in, so unrelated model changes never move a box.
pub fn components(edges: &Edges) -> BTreeMap<String, usize> {
    let mut state = Tarjan::default();
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            state.visit(node, edges);
        }
    }
    state.component
}

/// Whether the edge `from -> to` needs a box.
pub fn needs_box(components: &BTreeMap<String, usize>, from: &str, to: &str) -> bool {
    match (components.get(from), components.get(to)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[derive(Default)]
struct Tarjan {
    next: usize,
    index: BTreeMap<String, usize>,
    low: BTreeMap<String, usize>,
    stack: Vec<String>,
    on_stack: BTreeSet<String>,
    component: BTreeMap<String, usize>,
    components: usize,
}

impl Tarjan {
    fn visit(&mut self, node: &str, edges: &Edges) {
        self.index.insert(node.to_owned(), self.next);
        self.low.insert(node.to_owned(), self.next);
        self.next += 1;
        self.stack.push(node.to_owned());
        self.on_stack.insert(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if !self.index.contains_key(next) {
                self.visit(next, edges);
                self.lower(node, self.low[next.as_str()]);
            } else if self.on_stack.contains(next) {
                self.lower(node, self.index[next.as_str()]);
            }
        }
        if self.low[node] == self.index[node] {
            self.pop_component(node);
        }
    }

    fn lower(&mut self, node: &str, value: usize) {
        if let Some(low) = self.low.get_mut(node) {
            *low = (*low).min(value);
        }
    }

    fn pop_component(&mut self, root: &str) {
        while let Some(member) = self.stack.pop() {
            self.on_stack.remove(&member);
            let done = member == root;
            self.component.insert(member, self.components);
            if done {
                break;
            }
        }
        self.components += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(pairs: &[(&str, &str)]) -> Edges {
        let mut edges = Edges::new();
        for (from, to) in pairs {
            edges
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
            edges.entry(to.to_string()).or_default();
        }
        edges
    }

    #[test]
    fn self_reference_is_boxed() {
        let c = components(&graph(&[("A", "A")]));
        assert!(needs_box(&c, "A", "A"));
    }

    #[test]
    fn mutual_recursion_boxes_both_edges_but_not_the_way_out() {
        let c = components(&graph(&[("A", "B"), ("B", "A"), ("B", "C")]));
        assert!(needs_box(&c, "A", "B"));
        assert!(needs_box(&c, "B", "A"));
        assert!(!needs_box(&c, "B", "C"));
    }

    #[test]
    fn acyclic_graph_needs_no_box() {
        let c = components(&graph(&[("A", "B"), ("B", "C"), ("A", "C")]));
        assert!(!needs_box(&c, "A", "B"));
        assert!(!needs_box(&c, "A", "C"));
    }
}
