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
//! - `template` with `parts`, each `{"lit":…}` or `{"expr":EXPR}`, or
//!   `{"directive":true}` for `%{if}` / `%{for}`;
//! - `var` with `name`; `traversal` with `root` (an EXPR) and `ops`, each
//!   `{"attr":name}`, `{"index":EXPR}` or `{"splat":true}`;
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

#![deny(missing_docs)]

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Element, Template};
use hcl_edit::Span;
use std::cell::Cell;
use std::ops::Range;

mod size;

/// Parses `text` and returns the JSON text described in the crate docs.
/// Never panics on any input: a syntax error is `{"ok":false,…}`.
pub fn read(text: &str) -> String {
    if let Some(refusal) = size::check(text) {
        let (line, column) = Lines::new(text).position(refusal.offset);
        let mut out = String::from("{\"ok\":false,\"tooLarge\":true,\"message\":");
        string(refusal.message, &mut out);
        out.push_str(&format!(",\"line\":{line},\"column\":{column}}}"));
        return out;
    }
    match hcl_edit::parser::parse_body(text) {
        Ok(body) => {
            let writer = Writer::new(text);
            let mut out = String::with_capacity(text.len() * 2);
            out.push_str("{\"ok\":true,\"body\":");
            writer.body(&body, &mut out);
            out.push('}');
            out
        }
        Err(error) => {
            let location = error.location();
            // hcl-edit counts columns in bytes; recount them as UTF-16 units.
            let column = Lines::new(text).position(location.offset()).1;
            let mut out = String::from("{\"ok\":false,\"message\":");
            string(first_line(error.message()), &mut out);
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

struct Writer<'a> {
    lines: Lines<'a>,
}

impl<'a> Writer<'a> {
    fn new(text: &'a str) -> Self {
        Writer {
            lines: Lines::new(text),
        }
    }

    fn at(&self, span: Option<Range<usize>>, out: &mut String) {
        let (line, column) = self.lines.position(span.map_or(0, |s| s.start));
        out.push_str(&format!("\"line\":{line},\"column\":{column}"));
    }

    fn source(&self, span: Option<Range<usize>>) -> &str {
        span.and_then(|s| self.lines.text.get(s)).unwrap_or("")
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
                        ObjectKey::Expression(key) => self.expr(key, out),
                    }
                    out.push(',');
                    self.at(key.span(), out);
                    out.push_str(",\"value\":");
                    self.expr(value.expr(), out);
                    out.push('}');
                }
                out.push(']');
            }
            Expression::StringTemplate(template) => self.template(template, out),
            Expression::HeredocTemplate(heredoc) => self.template(&heredoc.template, out),
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
                        TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                            out.push_str("{\"splat\":true}");
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

    fn template(&self, template: &Template, out: &mut String) {
        out.push_str(",\"parts\":[");
        for (i, element) in template.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match element {
                Element::Literal(text) => {
                    out.push_str("{\"lit\":");
                    string(text.value(), out);
                    out.push('}');
                }
                Element::Interpolation(interpolation) => {
                    out.push_str("{\"expr\":");
                    self.expr(&interpolation.expr, out);
                    out.push('}');
                }
                Element::Directive(_) => out.push_str("{\"directive\":true}"),
            }
        }
        out.push(']');
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
    use super::read;

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
    fn control_characters_are_escaped() {
        let out = json("a = \"\\u0001\"\n");
        assert!(out.contains("\"v\":\"\\u0001\""), "{out}");
    }
}
