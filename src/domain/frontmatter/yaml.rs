//! YAML front matter, read from yaml-rust2's event parser into a small tree of our own that
//! is bounded as the events arrive: nesting depth, and the number of values with every alias
//! counted as the values it stands for.
//!
//! Why not `YamlLoader`: it recurses once per nesting level (5,000 nested `- ` in a 10 KB file
//! overflow the stack and abort the whole import) and copies an anchor's value at every alias
//! (a 366-byte "billion laughs" file grows to gigabytes). Here the parser is pulled one event
//! at a time (no recursion), an alias shares its anchor's node (`Rc`, no copy), and the count
//! refuses the file as soon as the values it stands for pass `MAX_VALUES`.

use std::collections::HashMap;
use std::rc::Rc;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

use super::{Keys, MAX_DEPTH, MAX_VALUES, Value, bad, first_control, insert_key};
use crate::domain::error::{DomainError, FrontMatterError};

/// A YAML node. Depth is at most `MAX_DEPTH`, so dropping one recurses at most that deep.
enum Node {
    Scalar { text: String, null: bool },
    Seq(Vec<Rc<Node>>),
    Map(Vec<(Rc<Node>, Rc<Node>)>),
}

/// A collection still open, with the value count when it opened (its size, for its anchor).
struct Open {
    node: Node,
    /// A map's key waiting for its value.
    key: Option<Rc<Node>>,
    anchor: usize,
    count_at_start: usize,
    /// The deepest nesting among its items so far (0: only scalars).
    inner_depth: usize,
}

/// An anchored node, what it stands for in values, and how deep it nests.
#[derive(Clone)]
struct Anchor {
    node: Rc<Node>,
    size: usize,
    depth: usize,
}

/// The front matter starts on the file's second line, after the opening fence.
fn file_line(mark: &Marker) -> usize {
    mark.line() + 1
}

fn scan_error(e: &ScanError) -> DomainError {
    let line = file_line(e.marker());
    // The scanner's own guard against deep flow nesting (`[[[[…`): the same refusal as ours.
    if e.info() == "recursion limit exceeded" {
        return bad(FrontMatterError::TooDeep {
            line,
            limit: MAX_DEPTH,
        });
    }
    bad(FrontMatterError::BadYaml(format!(
        "{} at line {line} column {}",
        e.info(),
        e.marker().col() + 1
    )))
}

/// Builds the tree one event at a time.
#[derive(Default)]
struct Builder {
    open: Vec<Open>,
    anchors: HashMap<usize, Anchor>,
    /// Values made so far, each alias counted as the values of its anchor.
    count: usize,
    root: Option<Rc<Node>>,
}

impl Builder {
    fn spend(&mut self, values: usize, mark: &Marker) -> Result<(), DomainError> {
        self.count = self.count.saturating_add(values);
        if self.count > MAX_VALUES {
            return Err(bad(FrontMatterError::TooManyValues {
                line: file_line(mark),
                limit: MAX_VALUES,
            }));
        }
        Ok(())
    }

    fn open(&mut self, node: Node, anchor: usize, mark: &Marker) -> Result<(), DomainError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(bad(FrontMatterError::TooDeep {
                line: file_line(mark),
                limit: MAX_DEPTH,
            }));
        }
        self.spend(1, mark)?;
        self.open.push(Open {
            node,
            key: None,
            anchor,
            count_at_start: self.count,
            inner_depth: 0,
        });
        Ok(())
    }

    fn close(&mut self) {
        if let Some(done) = self.open.pop() {
            let node = Rc::new(done.node);
            let depth = done.inner_depth + 1;
            if done.anchor > 0 {
                let size = self.count - done.count_at_start + 1;
                let node = Rc::clone(&node);
                self.anchors
                    .insert(done.anchor, Anchor { node, size, depth });
            }
            self.place(node, depth);
        }
    }

    /// Puts a finished node (nesting `depth` deep) into the collection that is open, or makes
    /// it the document.
    fn place(&mut self, node: Rc<Node>, depth: usize) {
        let Some(top) = self.open.last_mut() else {
            self.root = Some(node);
            return;
        };
        top.inner_depth = top.inner_depth.max(depth);
        match &mut top.node {
            Node::Seq(items) => items.push(node),
            Node::Map(entries) => match top.key.take() {
                None => top.key = Some(node),
                Some(key) => entries.push((key, node)),
            },
            Node::Scalar { .. } => {}
        }
    }

    /// Takes one event; `false` once the document is complete.
    fn event(&mut self, ev: Event, mark: &Marker) -> Result<bool, DomainError> {
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                if let Some((_, code)) = first_control(&text) {
                    // Raw ones were refused before parsing: an escape such as "\0" made this
                    // one. Name the line the value starts on.
                    let line = file_line(mark);
                    return Err(bad(FrontMatterError::ControlChar { line, code }));
                }
                self.spend(1, mark)?;
                let null = style == TScalarStyle::Plain
                    && tag.is_none()
                    && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
                let node = Rc::new(Node::Scalar { text, null });
                if anchor > 0 {
                    let (node, size, depth) = (Rc::clone(&node), 1, 0);
                    self.anchors.insert(anchor, Anchor { node, size, depth });
                }
                self.place(node, 0);
            }
            Event::SequenceStart(anchor, _) => self.open(Node::Seq(Vec::new()), anchor, mark)?,
            Event::MappingStart(anchor, _) => self.open(Node::Map(Vec::new()), anchor, mark)?,
            Event::SequenceEnd | Event::MappingEnd => self.close(),
            Event::Alias(id) => {
                // The parser refuses an alias to an unknown anchor before we see it.
                if let Some(a) = self.anchors.get(&id).cloned() {
                    // What the alias stands for counts, in values and in depth, where it is.
                    if self.open.len() + a.depth > MAX_DEPTH {
                        return Err(bad(FrontMatterError::TooDeep {
                            line: file_line(mark),
                            limit: MAX_DEPTH,
                        }));
                    }
                    self.spend(a.size, mark)?;
                    self.place(a.node, a.depth);
                }
            }
            Event::DocumentEnd | Event::StreamEnd => return Ok(false),
            Event::StreamStart | Event::DocumentStart | Event::Nothing => {}
        }
        Ok(true)
    }
}

fn scalar(node: &Node) -> Option<&str> {
    match node {
        Node::Scalar { text, null: false } => Some(text),
        _ => None,
    }
}

/// Reads YAML front matter into its top-level keys.
pub(super) fn read(src: &str) -> Result<Keys, DomainError> {
    let mut parser = Parser::new_from_str(src);
    let mut builder = Builder::default();
    loop {
        let (ev, mark) = parser.next_token().map_err(|e| scan_error(&e))?;
        if !builder.event(ev, &mark)? {
            break;
        }
    }
    let mut keys = Keys::new();
    let entries = match builder.root.as_deref() {
        None | Some(Node::Scalar { null: true, .. }) => return Ok(keys),
        Some(Node::Map(entries)) => entries,
        Some(_) => return Err(bad(FrontMatterError::NotKeyValue)),
    };
    for (k, v) in entries {
        // A key that is a list or a map is no key of ours.
        let Some(key) = scalar(k) else { continue };
        let value = match &**v {
            Node::Scalar { null: true, .. } => Value::Null,
            Node::Scalar { text, .. } => Value::Text(text.clone()),
            Node::Seq(items) => Value::List(
                items
                    .iter()
                    .filter_map(|i| scalar(i).map(str::to_string))
                    .collect(),
            ),
            Node::Map(_) => Value::Nested,
        };
        insert_key(&mut keys, key, value)?;
    }
    Ok(keys)
}
