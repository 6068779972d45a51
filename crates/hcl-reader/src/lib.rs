//! Reads Terraform configuration in HCL's native syntax into JSON text that
//! keeps where everything was written, for the datasync-task-validator
//! command line (`js/cli/terraform-hcl.mjs`). Parsing is hcl-edit's (the
//! hcl-rs project's lossless parser, which keeps byte spans and bounds
//! nesting); this crate only walks its tree. It evaluates nothing: literals
//! come out as values, everything else (references, function calls,
//! conditionals, operators, `for` expressions) as a description the command
//! evaluates where it can or reports as not checked.
//!
//! The output is one JSON object:
//! - `{"ok":true,"body":[STRUCTURE…]}`
//! - `{"ok":false,"message":"…","line":L,"column":C}` for a syntax error;
//! - `{"ok":false,"tooLarge":true,"message":"…","line":L,"column":C}` for a
//!   file whose object literals are too large to parse in reasonable time
//!   (hcl-edit's object parse grows with the square of the item count): the
//!   position of the object that goes over; src/size.rs says where the bound
//!   is and why.
//!
//! A STRUCTURE is `{"t":"attr","name":…,"line":…,"column":…,"value":EXPR}` or
//! `{"t":"block","type":…,"labels":[…],"line":…,"column":…,"body":[…]}`.
//! An EXPR has `k` (its kind), `line`, `column` (where it starts) and `src`
//! (its source text, for expressions that are not literals):
//! - `null`; `bool` and `string` with `v`; `number` with `v`, the literal as
//!   written (so 64-bit integers survive);
//! - `array` with `items`; `object` with `items`, each `{key, line, column,
//!   value}` where `key` is a string or an EXPR;
//! - `template` with `parts`, each `{"lit":…}`, `{"expr":EXPR}`,
//!   `{"if":EXPR,"then":[PART…],"else":[PART…]}` for `%{if}…%{else}…%{endif}`
//!   or `{"for":EXPR,"keyVar":…,"valueVar":…,"body":[PART…]}` for
//!   `%{for k, v in EXPR}…%{endfor}` (`keyVar` only when written); strip
//!   markers (`~`) are applied to the literals already. In a flush heredoc
//!   (`<<-`) with a strip marker or a directive, a directive is
//!   `{"directive":true}` and an interpolation with a strip marker has
//!   `"strip":true` (see `Writer::template`);
//! - `var` with `name`; `traversal` with `root` (an EXPR) and `ops`, each
//!   `{"attr":name}`, `{"index":EXPR}` or `{"splat":true}` (`.*`), with
//!   `"full":true` for `[*]`;
//! - `call` with `name` (namespaced names joined by `::`) and `args` (EXPRs),
//!   and `"expand":true` when the last argument ends in `...`;
//! - `conditional` with `cond`, `then` and `else` (EXPRs);
//! - `binary` with `op` (`+`, `==`, `&&`, …), `lhs` and `rhs`; `unary` with
//!   `op` (`-` or `!`) and `operand`;
//! - `for` with `valueVar`, `keyVar` (when there is one), `collection`,
//!   `key` (in `{ for … => … }`), `value`, `cond` (its `if`), and
//!   `"grouping":true` for `...`;
//! - `other` (anything else hcl-edit knows).
//!
//! Lines are 1-based; columns are 1-based UTF-16 code units, as JavaScript
//! and SARIF count them.
//!
//! An object may repeat a key (`{ "a" = 1, "a" = 2 }`): Terraform reads it,
//! the later value winning, while hcl-edit refuses it. src/repeated.rs reads
//! on past it, and both items come out in order as if hcl-edit accepted them
//! (the evaluator keeps the later value); more repeats than a file's bound
//! are `tooLarge`. A repeated argument in a block stays a syntax error.

#![deny(missing_docs)]

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Directive, Element, Strip, Template};
use hcl_edit::Span;
use std::cell::Cell;
use std::collections::VecDeque;
use std::ops::Range;

mod repeated;
mod size;

/// Parses `text` and returns the JSON text described in the crate docs.
/// Never panics on any input: a syntax error is `{"ok":false,…}`.
pub fn read(text: &str) -> String {
    let pairs = match size::check(text) {
        Ok(pairs) => pairs,
        Err(refusal) => {
            let (line, column) = Lines::new(text).position(refusal.offset);
            let mut out = String::from("{\"ok\":false,\"tooLarge\":true,\"message\":");
            string(refusal.message, &mut out);
            out.push_str(&format!(",\"line\":{line},\"column\":{column}}}"));
            return out;
        }
    };
    let allowed = repeated::allowed(text.len(), pairs);
    let parsed = repeated::parse(text, allowed);
    match parsed.result {
        Ok(body) => {
            let writer = Writer::new(text, &parsed.edits);
            let mut out = String::with_capacity(text.len() * 2);
            out.push_str("{\"ok\":true,\"body\":");
            writer.body(&body, &mut out);
            out.push('}');
            out
        }
        Err(error) => {
            let location = error.location();
            // hcl-edit counts columns in bytes, in the text it parsed; recount
            // them as UTF-16 units in the text as written (insertions hold no
            // newline, so the line is the same in both).
            let offset = parsed.edits.original(location.offset());
            let column = Lines::new(text).position(offset).1;
            let mut out = String::from("{\"ok\":false,");
            if repeated::is_repeated_key(&error) {
                out.push_str("\"tooLarge\":true,\"message\":");
                let message = if allowed == repeated::MAX_REPEATED_KEYS {
                    format!("too large to read: more than {allowed} repeated object keys (each one costs another parse of the file)")
                } else {
                    format!("too large to read: more than {allowed} repeated object keys in a file of this size (each one costs another parse of the file)")
                };
                string(&message, &mut out);
            } else {
                out.push_str("\"message\":");
                string(first_line(error.message()), &mut out);
            }
            out.push_str(&format!(
                ",\"line\":{},\"column\":{column}}}",
                location.line()
            ));
            out
        }
    }
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

/// Byte offsets of line starts, to turn a byte offset into a line and a
/// UTF-16 column. `last` is the previous offset asked for and its column
/// (UTF-16 units from its line's start): positions come mostly in order, so
/// counting on from it keeps a long line linear, not quadratic (a list or a
/// call of 100,000 items on one line).
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    last: Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text,
            starts,
            last: Cell::new((0, 0)),
        }
    }

    /// (line, column), both 1-based; an offset past the end is clamped.
    fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let (last, units) = self.last.get();
        let units = if start <= last && last <= offset {
            units + self.text[last..offset].encode_utf16().count()
        } else {
            self.text[start..offset].encode_utf16().count()
        };
        self.last.set((offset, units));
        (line, units + 1)
    }
}

/// Writes hcl-edit's tree of the edited text (src/repeated.rs) with the
/// positions and source text of the text as written.
struct Writer<'a> {
    lines: Lines<'a>,
    edits: &'a repeated::Edits,
}

impl<'a> Writer<'a> {
    fn new(text: &'a str, edits: &'a repeated::Edits) -> Self {
        Writer {
            lines: Lines::new(text),
            edits,
        }
    }

    fn at(&self, span: Option<Range<usize>>, out: &mut String) {
        let offset = self.edits.original(span.map_or(0, |s| s.start));
        let (line, column) = self.lines.position(offset);
        out.push_str(&format!("\"line\":{line},\"column\":{column}"));
    }

    fn source(&self, span: Option<Range<usize>>) -> &str {
        span.and_then(|s| {
            let start = self.edits.original(s.start);
            let end = self.edits.original(s.end);
            self.lines.text.get(start..end)
        })
        .unwrap_or("")
    }

    /// An object key: an identifier as its name, an expression as an EXPR; a
    /// key that repeats an earlier one is read inside an inserted conditional
    /// (src/repeated.rs), whose `false` branch is the key as written.
    fn key(&self, key: &Expression, out: &mut String) {
        if let Expression::Conditional(conditional) = key {
            if key
                .span()
                .is_some_and(|span| self.edits.inserted_at(span.start))
            {
                return match &conditional.false_expr {
                    Expression::Variable(name) => string(name.as_str(), out),
                    written => self.key(written, out),
                };
            }
        }
        self.expr(key, out);
    }

    fn body(&self, body: &Body, out: &mut String) {
        out.push('[');
        for (i, structure) in body.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match structure {
                Structure::Attribute(attribute) => {
                    out.push_str("{\"t\":\"attr\",\"name\":");
                    string(attribute.key.as_str(), out);
                    out.push(',');
                    self.at(attribute.key.span(), out);
                    out.push_str(",\"value\":");
                    self.expr(&attribute.value, out);
                    out.push('}');
                }
                Structure::Block(block) => {
                    out.push_str("{\"t\":\"block\",\"type\":");
                    string(block.ident.as_str(), out);
                    out.push_str(",\"labels\":[");
                    for (j, label) in block.labels.iter().enumerate() {
                        if j > 0 {
                            out.push(',');
                        }
                        string(label.as_str(), out);
                    }
                    out.push_str("],");
                    self.at(block.ident.span(), out);
                    out.push_str(",\"body\":");
                    self.body(&block.body, out);
                    out.push('}');
                }
            }
        }
        out.push(']');
    }

    fn expr(&self, expr: &Expression, out: &mut String) {
        if let Expression::Parenthesis(inner) = expr {
            return self.expr(inner.inner(), out);
        }
        out.push_str("{\"k\":\"");
        out.push_str(kind(expr));
        out.push_str("\",");
        self.at(expr.span(), out);
        out.push_str(",\"src\":");
        string(self.source(expr.span()), out);
        match expr {
            Expression::Bool(value) => out.push_str(if *value.value() {
                ",\"v\":true"
            } else {
                ",\"v\":false"
            }),
            Expression::Number(_) => {
                out.push_str(",\"v\":");
                string(self.source(expr.span()), out);
            }
            Expression::String(value) => {
                out.push_str(",\"v\":");
                string(value.value(), out);
            }
            Expression::Array(array) => {
                out.push_str(",\"items\":[");
                for (i, item) in array.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    self.expr(item, out);
                }
                out.push(']');
            }
            Expression::Object(object) => {
                out.push_str(",\"items\":[");
                for (i, (key, value)) in object.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str("{\"key\":");
                    match key {
                        ObjectKey::Ident(ident) => string(ident.as_str(), out),
                        ObjectKey::Expression(key) => self.key(key, out),
                    }
                    out.push(',');
                    self.at(key.span(), out);
                    out.push_str(",\"value\":");
                    self.expr(value.expr(), out);
                    out.push('}');
                }
                out.push(']');
            }
            Expression::StringTemplate(template) => self.template(template, None, out),
            Expression::HeredocTemplate(heredoc) => {
                self.template(&heredoc.template, Some(self.source(expr.span())), out)
            }
            Expression::Variable(name) => {
                out.push_str(",\"name\":");
                string(name.as_str(), out);
            }
            Expression::Traversal(traversal) => {
                out.push_str(",\"root\":");
                self.expr(&traversal.expr, out);
                out.push_str(",\"ops\":[");
                for (i, operator) in traversal.operators.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    match operator.value() {
                        TraversalOperator::GetAttr(name) => {
                            out.push_str("{\"attr\":");
                            string(name.as_str(), out);
                            out.push('}');
                        }
                        TraversalOperator::Index(index) => {
                            out.push_str("{\"index\":");
                            self.expr(index, out);
                            out.push('}');
                        }
                        TraversalOperator::LegacyIndex(index) => {
                            out.push_str(&format!(
                                "{{\"index\":{{\"k\":\"number\",\"v\":\"{}\"}}}}",
                                index.value()
                            ));
                        }
                        TraversalOperator::AttrSplat(_) => out.push_str("{\"splat\":true}"),
                        TraversalOperator::FullSplat(_) => {
                            out.push_str("{\"splat\":true,\"full\":true}");
                        }
                    }
                }
                out.push(']');
            }
            Expression::FuncCall(call) => {
                let mut name = String::new();
                for part in &call.name.namespace {
                    name.push_str(part.as_str());
                    name.push_str("::");
                }
                name.push_str(call.name.name.as_str());
                out.push_str(",\"name\":");
                string(&name, out);
                out.push_str(",\"args\":[");
                for (i, arg) in call.args.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    self.expr(arg, out);
                }
                out.push(']');
                if call.args.expand_final() {
                    out.push_str(",\"expand\":true");
                }
            }
            Expression::Conditional(conditional) => {
                out.push_str(",\"cond\":");
                self.expr(&conditional.cond_expr, out);
                out.push_str(",\"then\":");
                self.expr(&conditional.true_expr, out);
                out.push_str(",\"else\":");
                self.expr(&conditional.false_expr, out);
            }
            Expression::BinaryOp(operation) => {
                out.push_str(",\"op\":");
                string(operation.operator.value().as_str(), out);
                out.push_str(",\"lhs\":");
                self.expr(&operation.lhs_expr, out);
                out.push_str(",\"rhs\":");
                self.expr(&operation.rhs_expr, out);
            }
            Expression::ForExpr(for_expr) => {
                if let Some(key) = &for_expr.intro.key_var {
                    out.push_str(",\"keyVar\":");
                    string(key.as_str(), out);
                }
                out.push_str(",\"valueVar\":");
                string(for_expr.intro.value_var.as_str(), out);
                out.push_str(",\"collection\":");
                self.expr(&for_expr.intro.collection_expr, out);
                if let Some(key) = &for_expr.key_expr {
                    out.push_str(",\"key\":");
                    self.expr(key, out);
                }
                out.push_str(",\"value\":");
                self.expr(&for_expr.value_expr, out);
                if let Some(cond) = &for_expr.cond {
                    out.push_str(",\"cond\":");
                    self.expr(&cond.expr, out);
                }
                if for_expr.grouping {
                    out.push_str(",\"grouping\":true");
                }
            }
            Expression::UnaryOp(operation) => {
                out.push_str(",\"op\":");
                string(operation.operator.value().as_str(), out);
                out.push_str(",\"operand\":");
                self.expr(&operation.expr, out);
            }
            _ => {}
        }
        out.push('}');
    }

    /// A template's parts. In a quoted template, strip markers (`${~ x ~}`,
    /// `%{~ if … ~}`) are applied here, as HCL applies them when it parses:
    /// the whitespace (Unicode White_Space, as Go's unicode.IsSpace) of the
    /// literal next to the marker is removed, and the literal stays a part
    /// even when nothing is left of it (`"  ${~ 5}"` is the string "5", not
    /// the number). In a heredoc a marker strips one line only, the one
    /// next to it ([`strip_lines`]: HCL splits a heredoc's literals at line
    /// ends before it strips). A flush heredoc (`<<-`) is dedented as HCL
    /// dedents it ([`flush_literals`]: markers first, then the least
    /// indentation of the lines' starts), not as hcl-edit did when it parsed
    /// it; where that is not computed here, an interpolation with a strip
    /// marker is written with `"strip":true` and a directive as
    /// `{"directive":true}`, for the command to leave unknown.
    /// `heredoc`: None for a quoted template, else the heredoc's source.
    fn template(&self, template: &Template, heredoc: Option<&str>, out: &mut String) {
        out.push_str(",\"parts\":");
        let flush = heredoc.is_some_and(|source| source.starts_with("<<-"));
        let mut flushed = if flush {
            flush_literals(heredoc.unwrap_or(""))
        } else {
            None
        };
        if flush && flushed.is_none() && !strips(template) && !has_directive(template) {
            // Not computed here, and nothing to mark: one directive-like part leaves it unknown.
            out.push_str("[{\"directive\":true}]");
            return;
        }
        let followed = !flush || flushed.is_some();
        if !followed {
            out.push('[');
            for (i, element) in template.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match element {
                    Element::Literal(text) => literal(text.value(), out),
                    Element::Interpolation(interpolation) => {
                        out.push_str("{\"expr\":");
                        self.expr(&interpolation.expr, out);
                        if interpolation.strip != Strip::None {
                            out.push_str(",\"strip\":true");
                        }
                        out.push('}');
                    }
                    Element::Directive(_) => out.push_str("{\"directive\":true}"),
                }
            }
            out.push(']');
        } else {
            // A heredoc's literals have no escapes to undo (`quoted`).
            self.parts(
                template,
                (false, false),
                false,
                heredoc.is_none(),
                &mut flushed,
                out,
            );
        }
    }

    /// The parts of a template (or of a directive's inner template),
    /// stripped: `strip` says whether the markers around it strip its first
    /// and last literal. `nested` and `quoted`: a directive's inner template
    /// in a quoted string, whose literals hcl-edit leaves with their escapes
    /// (`\n`, `\"`) as written; they are undone here, before stripping, as
    /// HCL does (a heredoc has no escapes).
    /// `flushed`: a flush heredoc's literals as HCL makes them, in this
    /// walk's order ([`flush_literals`]), written instead of stripping here.
    fn parts(
        &self,
        template: &Template,
        strip: (bool, bool),
        nested: bool,
        quoted: bool,
        flushed: &mut Option<VecDeque<String>>,
        out: &mut String,
    ) {
        let (first, last) = strip;
        let elements: Vec<&Element> = template.iter().collect();
        out.push('[');
        for (i, element) in elements.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match element {
                Element::Literal(_) if flushed.is_some() => {
                    let text = flushed
                        .as_mut()
                        .and_then(VecDeque::pop_front)
                        .unwrap_or_default();
                    literal(&text, out);
                }
                Element::Literal(text) => {
                    let before = if i == 0 {
                        first
                    } else {
                        strips_after(elements[i - 1])
                    };
                    let after = elements.get(i + 1).map_or(last, |next| strips_before(next));
                    let decoded = if nested && quoted {
                        unescape(text.value())
                    } else {
                        text.value().clone()
                    };
                    let stripped = if quoted {
                        let mut value = decoded.as_str();
                        if before {
                            value = value.trim_start();
                        }
                        if after {
                            value = value.trim_end();
                        }
                        value.to_owned()
                    } else {
                        strip_lines(&decoded, before, after)
                    };
                    literal(&stripped, out);
                }
                Element::Interpolation(interpolation) => {
                    out.push_str("{\"expr\":");
                    self.expr(&interpolation.expr, out);
                    out.push('}');
                }
                Element::Directive(directive) => match directive.as_ref() {
                    Directive::If(directive) => {
                        let endif = directive.endif_expr.strip.strip_start();
                        out.push_str("{\"if\":");
                        self.expr(&directive.if_expr.cond_expr, out);
                        out.push_str(",\"then\":");
                        let then_last = directive
                            .else_expr
                            .as_ref()
                            .map_or(endif, |otherwise| otherwise.strip.strip_start());
                        self.parts(
                            &directive.if_expr.template,
                            (directive.if_expr.strip.strip_end(), then_last),
                            true,
                            quoted,
                            flushed,
                            out,
                        );
                        out.push_str(",\"else\":");
                        match &directive.else_expr {
                            Some(otherwise) => self.parts(
                                &otherwise.template,
                                (otherwise.strip.strip_end(), endif),
                                true,
                                quoted,
                                flushed,
                                out,
                            ),
                            None => out.push_str("[]"),
                        }
                        out.push('}');
                    }
                    Directive::For(directive) => {
                        let intro = &directive.for_expr;
                        out.push_str("{\"for\":");
                        self.expr(&intro.collection_expr, out);
                        if let Some(key) = &intro.key_var {
                            out.push_str(",\"keyVar\":");
                            string(key.as_str(), out);
                        }
                        out.push_str(",\"valueVar\":");
                        string(intro.value_var.as_str(), out);
                        out.push_str(",\"body\":");
                        self.parts(
                            &intro.template,
                            (
                                intro.strip.strip_end(),
                                directive.endfor_expr.strip.strip_start(),
                            ),
                            true,
                            quoted,
                            flushed,
                            out,
                        );
                        out.push('}');
                    }
                },
            }
        }
        out.push(']');
    }
}

/// A heredoc's literal stripped as HCL strips it: HCL reads a heredoc
/// line by line, each line (with its newline) a token of its own, and a
/// strip marker strips only the token next to it. `before` (a `~}` ends the
/// part before) strips the whitespace at the start of its first line, up to
/// that line's newline included; `after` (a `${~` or `%{~` follows) the
/// whitespace at the end of its last line, that line's newline included
/// when the literal ends with one (`"a  \n${~ x}"` is `"a"` then x).
fn strip_lines(text: &str, before: bool, after: bool) -> String {
    let mut value = text.to_owned();
    if before {
        let first = value.find('\n').map_or(value.len(), |i| i + 1);
        let kept = value[..first].trim_start().len();
        value.replace_range(..first - kept, "");
    }
    if after && !value.is_empty() {
        let end = value.char_indices().next_back().map_or(0, |(i, _)| i);
        let last = value[..end].rfind('\n').map_or(0, |i| i + 1);
        let kept = value[last..].trim_end().len();
        value.truncate(last + kept);
    }
    value
}

/// One token of a heredoc as HCL's parser sees it: a line of a literal
/// (with its newline) that is literal number `slot` of the template (in
/// [`Writer::parts`]'s order), or the opening or closing of an interpolation
/// or directive with its strip markers (`~` before: strips the token before;
/// after: the token after).
enum Token {
    Line {
        text: String,
        slot: usize,
    },
    Mark {
        strips_before: bool,
        strips_after: bool,
    },
}

fn flatten(template: &Template, slots: &mut usize, tokens: &mut Vec<Token>) {
    let mark = |strip: Strip| Token::Mark {
        strips_before: strip.strip_start(),
        strips_after: strip.strip_end(),
    };
    for element in template.iter() {
        match element {
            Element::Literal(text) => {
                for line in text.value().split_inclusive('\n') {
                    tokens.push(Token::Line {
                        text: line.to_owned(),
                        slot: *slots,
                    });
                }
                *slots += 1;
            }
            Element::Interpolation(interpolation) => tokens.push(mark(interpolation.strip)),
            Element::Directive(directive) => match directive.as_ref() {
                Directive::If(directive) => {
                    tokens.push(mark(directive.if_expr.strip));
                    flatten(&directive.if_expr.template, slots, tokens);
                    if let Some(otherwise) = &directive.else_expr {
                        tokens.push(mark(otherwise.strip));
                        flatten(&otherwise.template, slots, tokens);
                    }
                    tokens.push(mark(directive.endif_expr.strip));
                }
                Directive::For(directive) => {
                    tokens.push(mark(directive.for_expr.strip));
                    flatten(&directive.for_expr.template, slots, tokens);
                    tokens.push(mark(directive.endfor_expr.strip));
                }
            },
        }
    }
}

/// Whether `c` may join the character before it in one grapheme cluster
/// (combining marks, joiners, variation selectors): HCL dedents by grapheme
/// clusters, so after such a character the count here may differ.
fn joins(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}'..='\u{200D}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}' | '\u{E0100}'..='\u{E01EF}')
}

/// A flush heredoc's literals (`source`: its text, `<<-EOT` to `EOT`) as
/// HCL makes them (hcl hclsyntax's parser_template.go, Terraform 1.11): it
/// reads each line of a literal as a token of its own, applies strip markers
/// to the token next to them, then removes from every token that starts a
/// line the least number of spaces any of them starts with (a line that is
/// blank, all whitespace up to its newline, neither counts nor is dedented; a
/// line that starts with `${` or `%{`, or that a marker emptied, counts as
/// 0). hcl-edit dedented the literals when it parsed them, its own way (a
/// line of no indentation in a literal is passed over, and lines are cut by
/// characters, not spaces): the text is read again here as `<<EOT`, not
/// dedented. One string per literal, in [`Writer::parts`]'s order; None when
/// the text does not read again or a line's indentation is followed by a
/// character that may join it.
fn flush_literals(source: &str) -> Option<VecDeque<String>> {
    let rest = source.strip_prefix("<<-")?;
    let header = rest.find('\n')?;
    let delimiter = rest[..header].trim_end();
    let inside = &rest[header + 1..];
    let (body, closing) = match inside.rfind('\n') {
        Some(i) => (&inside[..=i], &inside[i + 1..]),
        None => ("", inside),
    };
    // A line of the body that is the delimiter ends the heredoc there in HCL (hcl-edit reads an empty one on).
    if delimiter.is_empty()
        || closing.trim() != delimiter
        || body.lines().any(|line| line.trim() == delimiter)
    {
        return None;
    }
    let text = format!("x = <<{delimiter}\n{body}{delimiter}\n");
    let parsed = hcl_edit::parser::parse_body(&text).ok()?;
    let attribute = parsed.get_attribute("x")?;
    let Expression::HeredocTemplate(heredoc) = &attribute.value else {
        return None;
    };
    let mut slots = 0;
    let mut tokens = Vec::new();
    flatten(&heredoc.template, &mut slots, &mut tokens);
    // Strip markers, on the one token next to them.
    for i in 0..tokens.len() {
        let Token::Mark {
            strips_before,
            strips_after,
        } = tokens[i]
        else {
            continue;
        };
        if strips_before && i > 0 {
            if let Token::Line { text, .. } = &mut tokens[i - 1] {
                text.truncate(text.trim_end().len());
            }
        }
        if strips_after {
            if let Some(Token::Line { text, .. }) = tokens.get_mut(i + 1) {
                *text = text.trim_start().to_owned();
            }
        }
    }
    // The least indentation of the tokens that start a line.
    let mut least = usize::MAX;
    let mut starts = vec![false; tokens.len()];
    let mut newline = true;
    for (i, token) in tokens.iter().enumerate() {
        if newline {
            newline = false;
            match token {
                Token::Line { text, .. } => {
                    let indented = text.len() - text.trim_start().len();
                    let blank = indented == text.len() && text.ends_with('\n');
                    if !blank {
                        if text[indented..].chars().next().is_some_and(joins) {
                            return None;
                        }
                        least = least.min(text[..indented].chars().count());
                        starts[i] = true;
                    }
                }
                Token::Mark { .. } => least = 0,
            }
        }
        if let Token::Line { text, .. } = token {
            newline = text.ends_with('\n');
        }
    }
    let mut out = vec![String::new(); slots];
    for (i, token) in tokens.into_iter().enumerate() {
        if let Token::Line { text, slot } = token {
            let cut = if least != usize::MAX && starts[i] {
                text.char_indices()
                    .nth(least)
                    .map_or(text.len(), |(at, _)| at)
            } else {
                0
            };
            out[slot].push_str(&text[cut..]);
        }
    }
    Some(out.into())
}

/// A quoted string's escapes undone: `\n`, `\r`, `\t`, `\"`, `\\`,
/// `\uNNNN` and `\UNNNNNNNN`. Any other backslash (HCL rejects it) stays.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let mut chars = rest.chars();
        chars.next();
        let simple = match chars.next() {
            Some('n') => Some('\n'),
            Some('r') => Some('\r'),
            Some('t') => Some('\t'),
            Some('"') => Some('"'),
            Some('\\') => Some('\\'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            rest = &rest[2..];
            continue;
        }
        let width = match rest.as_bytes().get(1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => 0,
        };
        let code = rest
            .get(2..2 + width)
            .filter(|hex| width > 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &rest[2 + width..];
            }
            None => {
                out.push('\\');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn literal(text: &str, out: &mut String) {
    out.push_str("{\"lit\":");
    string(text, out);
    out.push('}');
}

/// Whether a template has a strip marker anywhere, its directives' bodies included.
fn strips(template: &Template) -> bool {
    template.iter().any(|element| {
        strips_before(element)
            || strips_after(element)
            || match element {
                Element::Directive(directive) => match directive.as_ref() {
                    Directive::If(directive) => {
                        directive.if_expr.strip.strip_end()
                            || directive.endif_expr.strip.strip_start()
                            || strips(&directive.if_expr.template)
                            || directive.else_expr.as_ref().is_some_and(|otherwise| {
                                otherwise.strip != Strip::None || strips(&otherwise.template)
                            })
                    }
                    Directive::For(directive) => {
                        directive.for_expr.strip.strip_end()
                            || directive.endfor_expr.strip.strip_start()
                            || strips(&directive.for_expr.template)
                    }
                },
                _ => false,
            }
    })
}

fn has_directive(template: &Template) -> bool {
    template.iter().any(Element::is_directive)
}

/// Whether the marker that opens `element` strips the literal before it.
fn strips_before(element: &Element) -> bool {
    match element {
        Element::Literal(_) => false,
        Element::Interpolation(interpolation) => interpolation.strip.strip_start(),
        Element::Directive(directive) => match directive.as_ref() {
            Directive::If(directive) => directive.if_expr.strip.strip_start(),
            Directive::For(directive) => directive.for_expr.strip.strip_start(),
        },
    }
}

/// Whether the marker that closes `element` strips the literal after it.
fn strips_after(element: &Element) -> bool {
    match element {
        Element::Literal(_) => false,
        Element::Interpolation(interpolation) => interpolation.strip.strip_end(),
        Element::Directive(directive) => match directive.as_ref() {
            Directive::If(directive) => directive.endif_expr.strip.strip_end(),
            Directive::For(directive) => directive.endfor_expr.strip.strip_end(),
        },
    }
}

fn kind(expr: &Expression) -> &'static str {
    match expr {
        Expression::Null(_) => "null",
        Expression::Bool(_) => "bool",
        Expression::Number(_) => "number",
        Expression::String(_) => "string",
        Expression::Array(_) => "array",
        Expression::Object(_) => "object",
        Expression::StringTemplate(_) | Expression::HeredocTemplate(_) => "template",
        Expression::Variable(_) => "var",
        Expression::Traversal(_) => "traversal",
        Expression::FuncCall(_) => "call",
        Expression::Conditional(_) => "conditional",
        Expression::BinaryOp(_) => "binary",
        Expression::UnaryOp(_) => "unary",
        Expression::ForExpr(_) => "for",
        _ => "other",
    }
}

/// Appends `text` as a JSON string.
fn string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    //! The boundary: one function, text in, JSON text out.
    use wasm_bindgen::prelude::wasm_bindgen;

    /// `read` for JavaScript.
    #[wasm_bindgen(js_name = readHcl)]
    pub fn read_hcl(text: &str) -> String {
        super::read(text)
    }
}

#[cfg(test)]
mod tests {
    use super::repeated::MAX_REPEATED_KEYS;
    use super::{flush_literals, read, strip_lines};

    fn json(text: &str) -> String {
        read(text)
    }

    #[test]
    fn attributes_and_blocks_keep_their_positions() {
        let out = json("resource \"aws_datasync_task\" \"a\" {\n  name = \"x\"\n  options {\n    verify_mode = \"NONE\"\n  }\n}\n");
        assert!(out.starts_with("{\"ok\":true,\"body\":[{\"t\":\"block\",\"type\":\"resource\",\"labels\":[\"aws_datasync_task\",\"a\"],\"line\":1,\"column\":1"), "{out}");
        assert!(out.contains("{\"t\":\"attr\",\"name\":\"name\",\"line\":2,\"column\":3,\"value\":{\"k\":\"string\",\"line\":2,\"column\":10,\"src\":\"\\\"x\\\"\",\"v\":\"x\"}}"), "{out}");
        assert!(
            out.contains("\"name\":\"verify_mode\",\"line\":4,\"column\":5"),
            "{out}"
        );
    }

    #[test]
    fn columns_count_utf16_units() {
        // "é" is two bytes and one UTF-16 unit; "😀" four bytes and two units.
        let out = json("a = { \"é😀\" = 1, b = 2 }\n");
        assert!(
            out.contains("{\"key\":\"b\",\"line\":1,\"column\":18"),
            "{out}"
        );
        // The `;` is in byte column 14 and UTF-16 column 11.
        let error = json("x = \"é😀\" ; y = 1");
        assert!(error.starts_with("{\"ok\":false"), "{error}");
        assert!(error.ends_with("\"line\":1,\"column\":11}"), "{error}");
    }

    #[test]
    fn expressions_are_described_not_evaluated() {
        let out = json("a = var.x\nb = aws_s3.b[0].arn\nc = format(\"%s\", 1)\nd = x ? 1 : 2\ne = \"p-${var.y}\"\nf = 18446744073709551617\n");
        assert!(out.contains("\"k\":\"traversal\""), "{out}");
        assert!(out.contains("\"root\":{\"k\":\"var\",\"line\":1,\"column\":5,\"src\":\"var\",\"name\":\"var\"},\"ops\":[{\"attr\":\"x\"}]"), "{out}");
        assert!(
            out.contains("\"ops\":[{\"attr\":\"b\"},{\"index\":{\"k\":\"number\""),
            "{out}"
        );
        assert!(out.contains("\"k\":\"call\",\"line\":3,\"column\":5,\"src\":\"format(\\\"%s\\\", 1)\",\"name\":\"format\""), "{out}");
        assert!(out.contains("\"k\":\"conditional\",\"line\":4"), "{out}");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"p-\"},{\"expr\":{\"k\":\"traversal\""),
            "{out}"
        );
        assert!(out.contains("\"v\":\"18446744073709551617\""), "{out}");
    }

    #[test]
    fn numbers_past_float64_are_read_as_written() {
        // Terraform reads them (terraform console 1.11.4: `1e400` is 1 and 400
        // zeros); hcl-edit alone refuses the file.
        let digits = format!("1{}", "0".repeat(400));
        let text = format!("a = 1e400\nb = [1.5E+400, -1e400, 2-1e400]\nc = \"${{1e400}}\"\nd = {{ k = {digits} }}\ne = 1e-400\nf = x1e400\n");
        let out = json(&text);
        assert!(out.starts_with("{\"ok\":true"), "{out}");
        for literal in ["1e400", "1.5E+400", "1e-400", digits.as_str()] {
            assert!(
                out.contains(&format!("\"v\":\"{literal}\"")),
                "{literal}: {out}"
            );
        }
        assert!(out.contains("\"src\":\"2-1e400\""), "{out}");
        assert!(out.contains("\"src\":\"x1e400\""), "{out}");
        // Positions after such a number are those of the text as written.
        let out = json("a = [1e400, \"é\", 1e999]\nb = 2\n");
        assert!(out.contains("\"v\":\"1e999\""), "{out}");
        assert!(
            out.contains("\"name\":\"b\",\"line\":2,\"column\":1"),
            "{out}"
        );
        // A real syntax error next to one is still reported.
        let error = json("a = 1e400 1\n");
        assert!(error.starts_with("{\"ok\":false"), "{error}");
        let error = json("a = 1e\n");
        assert!(error.starts_with("{\"ok\":false"), "{error}");
    }

    #[test]
    fn calls_conditionals_and_operators_keep_their_operands() {
        let out = json("a = merge(var.t, { N = 1 })\nb = x ? 1 : 2\nc = var.n * 10 / 8\nd = !var.b\ne = f(var.l...)\n");
        assert!(
            out.contains("\"name\":\"merge\",\"args\":[{\"k\":\"traversal\""),
            "{out}"
        );
        assert!(out.contains("\"cond\":{\"k\":\"var\""), "{out}");
        assert!(out.contains("\"then\":{\"k\":\"number\""), "{out}");
        assert!(out.contains("\"k\":\"binary\",\"line\":3,\"column\":5,\"src\":\"var.n * 10 / 8\",\"op\":\"/\",\"lhs\":{\"k\":\"binary\""), "{out}");
        assert!(out.contains("\"k\":\"unary\",\"line\":4,\"column\":5,\"src\":\"!var.b\",\"op\":\"!\",\"operand\":"), "{out}");
        assert!(out.contains("\"expand\":true"), "{out}");
        let out = json("f = { for i, t in var.l : i => t.n if t.on }\n");
        assert!(
            out.contains("\"k\":\"for\",\"line\":1,\"column\":5"),
            "{out}"
        );
        assert!(
            out.contains("\"keyVar\":\"i\",\"valueVar\":\"t\",\"collection\":{\"k\":\"traversal\""),
            "{out}"
        );
        assert!(out.contains("\"key\":{\"k\":\"var\""), "{out}");
        assert!(out.contains("\"cond\":{\"k\":\"traversal\""), "{out}");
    }

    #[test]
    fn heredocs_are_dedented_and_escapes_undone() {
        let out =
            json("a = <<-EOT\n    one\n      two\n    EOT\nb = \"tab\\there \\\"q\\\" $${x}\"\n");
        assert!(out.contains("{\"lit\":\"one\\n  two\\n\"}"), "{out}");
        assert!(out.contains("\"v\":\"tab\\there \\\"q\\\" ${x}\""), "{out}");
    }

    #[test]
    fn syntax_errors_are_one_line_with_a_position() {
        let out = json("resource \"a\" \"b\" {\n  name = \n}\n");
        assert!(out.starts_with("{\"ok\":false,\"message\":\""), "{out}");
        assert!(!out.contains("\\n"), "{out}");
        // The value is missing at the end of line 2.
        assert!(out.ends_with("\"line\":2,\"column\":10}"), "{out}");
    }

    #[test]
    fn deep_nesting_is_a_syntax_error_not_a_stack_overflow() {
        let deep = format!("a = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(json(&deep).starts_with("{\"ok\":false"));
        let blocks = format!("{}{}", "b {\n".repeat(10_000), "}\n".repeat(10_000));
        assert!(json(&blocks).starts_with("{\"ok\":false"));
        let directives = format!(
            "a = \"{}{}\"",
            "%{ if c }".repeat(10_000),
            "%{ endif }".repeat(10_000)
        );
        assert!(json(&directives).starts_with("{\"ok\":false"));
        let operators = format!("a = {}", vec!["1"; 10_000].join(" + "));
        assert!(json(&operators).starts_with("{\"ok\":false"));
    }

    #[test]
    fn an_object_of_ten_thousand_keys_is_read_whole() {
        let items: String = (0..10_000)
            .map(|i| format!("    k{i} = \"v{i}\"\n"))
            .collect();
        let out = json(&format!("locals {{\n  m = {{\n{items}  }}\n}}\n"));
        assert!(out.starts_with("{\"ok\":true"), "{out:.200}");
        assert_eq!(out.matches("{\"key\":").count(), 10_000);
        assert!(out.contains("{\"key\":\"k9999\",\"line\":10002,\"column\":5,\"value\":{\"k\":\"string\",\"line\":10002,\"column\":13,\"src\":\"\\\"v9999\\\"\",\"v\":\"v9999\"}}"), "{:.300}", &out[out.len() - 300..]);
    }

    #[test]
    fn an_object_too_large_to_read_is_refused_at_its_brace() {
        let items: String = (0..20_000).map(|i| format!("    k{i} = 1\n")).collect();
        let out = json(&format!("locals {{\n  m = {{\n{items}  }}\n}}\n"));
        assert_eq!(out, "{\"ok\":false,\"tooLarge\":true,\"message\":\"too large to read: an object of more than 16384 items (reading an object takes time that grows with the square of its size)\",\"line\":2,\"column\":7}");
    }

    #[test]
    fn strip_markers_trim_the_next_literal_in_quoted_templates() {
        // terraform console (v1.11.4): "a\n \n ${~ "b" ~} \n\n c" is "abc".
        let out = json("a = \"a\\n \\n ${~ \"b\" ~} \\n\\n c\"\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"a\"},{\"expr\":"),
            "{out}"
        );
        assert!(out.contains("{\"lit\":\"c\"}]"), "{out}");
        // Only White_Space (Go's unicode.IsSpace): U+0085 and U+00A0 go, U+FEFF stays.
        let out = json("a = \"a\u{feff}\u{85}\u{a0} ${~ 1}\"\n");
        assert!(out.contains("{\"lit\":\"a\u{feff}\"}"), "{out}");
        // A literal stripped to nothing stays a part: "  ${~ 5}" is a string.
        let out = json("a = \"  ${~ 5}\"\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"\"},{\"expr\":"),
            "{out}"
        );
    }

    #[test]
    fn directives_keep_their_parts_with_strip_markers_applied() {
        let out = json("a = \"x %{~ if c ~} y %{~ else ~} z %{~ endif ~} w\"\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"x\"},{\"if\":{\"k\":\"var\""),
            "{out}"
        );
        assert!(
            out.contains("\"then\":[{\"lit\":\"y\"}],\"else\":[{\"lit\":\"z\"}]},{\"lit\":\"w\"}]"),
            "{out}"
        );
        let out = json("a = \"%{ for k, v in m ~} ${k} %{ endfor }\"\n");
        assert!(
            out.contains("\"keyVar\":\"k\",\"valueVar\":\"v\",\"body\":[{\"lit\":\"\"},{\"expr\":"),
            "{out}"
        );
        assert!(out.contains("{\"lit\":\" \"}]}]"), "{out}");
        // In a flush heredoc they are applied before the dedent, as HCL applies them (terraform console 1.11.4,
        // x = "X", c = true: "X\ny\n"): the first line, emptied by `${~`, is not indented, so nothing is dedented.
        let out = json("a = <<-EOT\n  ${~ x}\n%{ if c }y%{ endif }\nEOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"\"},{\"expr\":"),
            "{out}"
        );
        assert!(
            out.contains("\"then\":[{\"lit\":\"y\"}],\"else\":[]},{\"lit\":\"\\n\"}]"),
            "{out}"
        );
    }

    #[test]
    fn a_heredoc_strip_marker_strips_the_line_next_to_it() {
        // terraform console 1.11.4: "  x  \nb  y\n" (the lines above and below keep theirs).
        let out = json("a = <<EOT\n  x  \n  ${~ x ~}\n  y\nEOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"  x  \\n\"},{\"expr\":"),
            "{out}"
        );
        assert!(out.contains("},{\"lit\":\"  y\\n\"}]"), "{out}");
        // "ab\n": a marker at a line's start strips the line before, its newline too.
        let out = json("a = <<EOT\na  \n${~ x}\nEOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"a\"},{\"expr\":"),
            "{out}"
        );
        // "  yes\n": a directive's markers strip the first and last line of its body.
        let out = json("a = <<EOT\n%{ if c ~}\n  yes\n%{~ endif }\nEOT\n");
        assert!(
            out.contains("\"then\":[{\"lit\":\"  yes\"}],\"else\":[]},{\"lit\":\"\\n\"}]"),
            "{out}"
        );
        assert_eq!(strip_lines("  \n\n  r\n", true, false), "\n  r\n");
        assert_eq!(strip_lines("p  \n\n  ", false, true), "p  \n\n");
        assert_eq!(strip_lines("a é \n", false, true), "a é");
        assert_eq!(strip_lines(" é ", true, true), "é");
        assert_eq!(strip_lines("", true, true), "");
    }

    #[test]
    fn escapes_inside_directives_are_undone_before_stripping() {
        // terraform console: "x %{~ if true ~} \n y \"q\" \n %{~ endif ~} \n z" is "xy \"q\"z".
        let out =
            json("a = \"x %{~ if c ~} \\n y \\\"q\\\" \\u00e9\\\\ \\n %{~ endif ~} \\n z\"\n");
        assert!(
            out.contains("\"then\":[{\"lit\":\"y \\\"q\\\" é\\\\\"}]"),
            "{out}"
        );
        assert!(out.contains("{\"lit\":\"z\"}]"), "{out}");
    }

    #[test]
    fn a_plain_heredoc_without_strip_markers_keeps_its_directives() {
        // terraform console: this heredoc is "\n- a\n\n- b\n\nend\n"; its literals keep their backslashes.
        let out = json("a = <<EOT\n%{ for x in l }\n- ${x} \\n\n%{ endfor }\nend\nEOT\n");
        assert!(out.contains("\"parts\":[{\"for\":{\"k\":\"var\""), "{out}");
        assert!(
            out.contains("\"body\":[{\"lit\":\"\\n- \"},{\"expr\":"),
            "{out}"
        );
        assert!(out.contains("{\"lit\":\" \\\\n\\n\"}]}"), "{out}");
        // A flush heredoc is dedented inside its directives too, by the least indentation of every line's start
        // (terraform console, l = ["p", "q"]: "\n  p\n\n  q\n\n").
        let out = json("a = <<-EOT\n    %{ for x in l }\n      ${x}\n    %{ endfor }\n  EOT\n");
        assert!(out.contains("\"parts\":[{\"lit\":\"\"},{\"for\":"), "{out}");
        assert!(
            out.contains("\"body\":[{\"lit\":\"\\n  \"},{\"expr\":"),
            "{out}"
        );
        assert!(
            out.contains("{\"lit\":\"\\n\"}]},{\"lit\":\"\\n\"}]"),
            "{out}"
        );
    }

    #[test]
    fn a_flush_heredoc_is_dedented_as_hcl_dedents_it() {
        // terraform console 1.11.4 (x = "X"): "a X\n    b\n": the first line starts unindented, so nothing is
        // dedented (hcl-edit passed that line over and cut 4 characters from "a ").
        let out = json("a = <<-EOT\na ${x}\n    b\nEOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"a \"},{\"expr\":"),
            "{out}"
        );
        assert!(out.contains("},{\"lit\":\"\\n    b\\n\"}]"), "{out}");
        // "a\n  \nb\n": a blank line (whitespace up to its newline) neither counts nor is dedented.
        let out = json("a = <<-EOT\n    a\n  \n    b\n    EOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"a\\n  \\nb\\n\"}]"),
            "{out}"
        );
        // "    a\n    b\n    c\n": `%{~` strips the spaces before it on its line (one token), which then starts
        // unindented, so nothing is dedented; `~}` strips the newline after it.
        let out =
            json("a = <<-EOT\n    a\n    %{~ if c ~}\n    b\n    %{~ endif ~}\n    c\n    EOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"    a\\n\"},{\"if\":"),
            "{out}"
        );
        assert!(
            out.contains("\"then\":[{\"lit\":\"    b\\n\"}],\"else\":[]},{\"lit\":\"    c\\n\"}]"),
            "{out}"
        );
        // "xX    y\nz\n": `~}` strips the next line's start, which then starts no line.
        let out = json("a = <<-EOT\n      x ${~ x ~}   \n    y\n      z\n    EOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"x\"},{\"expr\":"),
            "{out}"
        );
        assert!(out.contains("},{\"lit\":\"    y\\nz\\n\"}]"), "{out}");
        // Tabs are spaces too; an empty heredoc is "".
        let out = json("a = <<-EOT\n\ttab\n\t  more\n\tEOT\n");
        assert!(
            out.contains("\"parts\":[{\"lit\":\"tab\\n  more\\n\"}]"),
            "{out}"
        );
        // Not read again as HCL reads it: left unknown.
        assert!(flush_literals("<<-EOT\nEOT\n  b = <<-EOT\n  x\n  EOT").is_none());
        assert!(flush_literals("<<-EOT\n   \u{301}a\n    EOT").is_none());
    }

    #[test]
    fn splats_say_which_kind() {
        let out = json("a = x.*.n\nb = x[*].n\n");
        assert!(out.contains("{\"splat\":true},{\"attr\":\"n\"}"), "{out}");
        assert!(
            out.contains("{\"splat\":true,\"full\":true},{\"attr\":\"n\"}"),
            "{out}"
        );
    }

    /// `read(text)` and `read(renamed)` agree once `renamed`'s distinct keys
    /// are written back as the repeated ones they stand for (same lengths):
    /// a repeated key is read as hcl-edit reads any other key, in place.
    fn reads_as_if_distinct(text: &str, renamed: &str, names: &[(&str, &str)]) {
        let mut expected = json(renamed);
        assert!(expected.starts_with("{\"ok\":true"), "{expected}");
        for (distinct, repeated) in names {
            expected = expected.replace(distinct, repeated);
        }
        assert_eq!(json(text), expected);
    }

    #[test]
    fn a_repeated_object_key_is_read_like_any_other_in_its_place() {
        // terraform console (1.11.4), with variable "k" { default = "a" }:
        //   { "--a" = "1", "--b" = "2", "--a" = "3" } is { "--a" = "3", "--b" = "2" }
        //   { a = 1, b = 2, a = 3 } is { "a" = 3, "b" = 2 }; { a = 1, "a" = 2 } is { "a" = 2 }
        //   { (var.k) = 1, a = 2, (var.k) = 3 } is { "a" = 3 }
        //   { a = { x = 1 }, b = 0, a = { y = 2 } } is { "a" = { "y" = 2 }, "b" = 0 }
        // and `terraform validate` passes: both items are read, in order, and
        // the evaluator keeps the later value as HCL does.
        reads_as_if_distinct(
            "x = { \"--a\" = \"1\", \"--b\" = \"2\", \"--a\" = \"3\" }\n",
            "x = { \"--a\" = \"1\", \"--b\" = \"2\", \"--z\" = \"3\" }\n",
            &[("--z", "--a")],
        );
        reads_as_if_distinct(
            "x = { ka = 1, kb = 2, ka = 3, ka = 4 }\n",
            "x = { ka = 1, kb = 2, ky = 3, kz = 4 }\n",
            &[("ky", "ka"), ("kz", "ka")],
        );
        reads_as_if_distinct(
            "x = { (var.ka) = 1, \"kb\" = 2, (var.ka) = 3 }\n",
            "x = { (var.ka) = 1, \"kb\" = 2, (var.kz) = 3 }\n",
            &[("kz", "ka")],
        );
        reads_as_if_distinct(
            "x = { \"ka\": 1, \"ka\": 2 }\n",
            "x = { \"ka\": 1, \"kz\": 2 }\n",
            &[("kz", "ka")],
        );
        // Nested, on several lines, after characters of several bytes and
        // UTF-16 units, inside a block; a repeat inside a repeated item's value.
        reads_as_if_distinct(
            "resource \"aws_glue_job\" \"j\" {\n  default_arguments = {\n    \"é😀\" = { na = 1, na = [{ ma = 2, ma = 3 }] } # é\n    \"--b\" = \"${var.x}\"\n    \"é😀\" = { na = 2 }\n  }\n}\nafter = { ka = 1 }\n",
            "resource \"aws_glue_job\" \"j\" {\n  default_arguments = {\n    \"é😀\" = { na = 1, nz = [{ ma = 2, mz = 3 }] } # é\n    \"--b\" = \"${var.x}\"\n    \"é😁\" = { na = 2 }\n  }\n}\nafter = { ka = 1 }\n",
            &[("nz", "na"), ("mz", "ma"), ("é😁", "é😀")],
        );
    }

    #[test]
    fn keys_that_differ_only_in_quotes_were_read_already() {
        // hcl-edit tells `a` from `"a"` (and from `(a)`), so these never
        // needed an insertion; the evaluator keeps the later value (console: 2).
        let out = json("x = { a = 1, \"a\" = 2 }\n");
        assert!(
            out.contains("{\"key\":\"a\",\"line\":1,\"column\":7,"),
            "{out}"
        );
        assert!(out.contains("{\"key\":{\"k\":\"string\",\"line\":1,\"column\":14,\"src\":\"\\\"a\\\"\",\"v\":\"a\"}"), "{out}");
    }

    #[test]
    fn a_repeated_argument_in_a_block_is_still_an_error() {
        // terraform validate: "Attribute redefined" for a block's argument.
        let out = json("resource \"a\" \"b\" {\n  name = 1\n  name = 2\n}\n");
        assert_eq!(out, "{\"ok\":false,\"message\":\"invalid attribute; expected unique attribute key; found redefined attribute\",\"line\":3,\"column\":3}");
    }

    #[test]
    fn errors_after_a_repeated_key_are_where_they_were_written() {
        let later = |text: &str| {
            let out = json(text);
            assert!(out.starts_with("{\"ok\":false,\"message\":\""), "{out}");
            out[out.find(",\"line\"").unwrap()..].to_owned()
        };
        assert_eq!(
            later("x = { \"é\" = 1, \"é\" = 2 } ;\n"),
            ",\"line\":1,\"column\":26}"
        );
        assert_eq!(
            later("x = { \"é\" = 1, \"ê\" = 2 } ;\n"),
            ",\"line\":1,\"column\":26}"
        );
        assert_eq!(
            later("x = { k = 1, k = 2, k = }\n"),
            ",\"line\":1,\"column\":25}"
        );
        assert_eq!(
            later("x = { k = 1, j = 2, i = }\n"),
            ",\"line\":1,\"column\":25}"
        );
    }

    #[test]
    fn more_repeated_keys_than_the_bound_are_refused_as_too_large_at_the_first_over() {
        // About 2 kB: the byte and pair budgets alone would allow more.
        let items = vec!["k = 0"; MAX_REPEATED_KEYS + 2];
        let out = json(&format!("x = {{ {} }}\n", items.join(", ")));
        // Item MAX_REPEATED_KEYS + 1 (from 0) is the first repeat over the bound.
        let column = "x = { ".len() + "k = 0, ".len() * (MAX_REPEATED_KEYS + 1) + 1;
        assert_eq!(out, format!("{{\"ok\":false,\"tooLarge\":true,\"message\":\"too large to read: more than {MAX_REPEATED_KEYS} repeated object keys (each one costs another parse of the file)\",\"line\":1,\"column\":{column}}}"));
    }

    #[test]
    fn a_small_file_may_repeat_keys_in_many_objects() {
        // 40 objects with a repeated key in 1 kB (terraform console 1.11.4
        // reads it: local.o39 is { a = 2 }).
        let locals: Vec<String> = (0..40)
            .map(|i| format!("  o{i} = {{ a = 1, a = 2 }}\n"))
            .collect();
        let out = json(&format!("locals {{\n{}}}\n", locals.concat()));
        assert!(out.starts_with("{\"ok\":true"), "{out}");
    }

    #[test]
    fn a_long_file_allows_fewer_repeated_keys() {
        // A file of 1.5 MiB may be parsed again 5 times (8 MiB in all), not 6.
        let comment = format!("# {}\n", "c".repeat(3 << 19));
        let file = |repeats: usize| {
            let items: Vec<String> = (0..=repeats).map(|i| format!("k = {i}")).collect();
            format!("{comment}x = {{ {} }}\n", items.join(", "))
        };
        assert!(json(&file(5)).starts_with("{\"ok\":true"));
        let out = json(&file(6));
        let column = "x = { ".len() + "k = 0, ".len() * 6 + 1;
        assert_eq!(out, format!("{{\"ok\":false,\"tooLarge\":true,\"message\":\"too large to read: more than 5 repeated object keys in a file of this size (each one costs another parse of the file)\",\"line\":2,\"column\":{column}}}"));
    }

    #[test]
    fn control_characters_are_escaped() {
        let out = json("a = \"\\u0001\"\n");
        assert!(out.contains("\"v\":\"\\u0001\""), "{out}");
    }
}
