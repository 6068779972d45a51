//! Field metadata for forms: one entry per member, read from the schema table.
//!
//! List items appear as `*` in pointers (`/Tags/*/Key`); a form replaces the
//! `*` with the item's index.

use crate::json::{Number, Text, Value};
use crate::patterns::Pattern;
use crate::schema::{self, Defaults, Literal, Member, Shape};

/// Everything a form needs to render and explain one member.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldInfo {
    /// JSON Pointer of the member; list items are `*`.
    pub pointer: String,
    /// The member name.
    pub name: &'static str,
    /// `string`, `integer`, `object` or `array`.
    pub kind: &'static str,
    /// Whether the member must be present when its parent is.
    pub required: bool,
    /// The form section.
    pub section: &'static str,
    /// Help text in our own words.
    pub help: &'static str,
    /// Enum values; empty for free text.
    pub allowed: &'static [&'static str],
    /// The service default per task mode, when known.
    pub default: Option<Defaults>,
    /// Fewest characters.
    pub min_length: Option<usize>,
    /// Most characters.
    pub max_length: Option<usize>,
    /// Smallest integer.
    pub minimum: Option<i64>,
    /// Most list items.
    pub max_items: Option<usize>,
    /// The model's pattern.
    pub pattern: Option<Pattern>,
}

/// All members of the request, parents before children, in model order.
pub fn fields() -> Vec<FieldInfo> {
    let mut out = Vec::new();
    collect(schema::request_members(), "", &mut out);
    out
}

fn collect(members: &'static [Member], parent: &str, out: &mut Vec<FieldInfo>) {
    for member in members {
        let pointer = format!("{parent}/{}", member.name);
        let mut info = FieldInfo {
            pointer: pointer.clone(),
            name: member.name,
            kind: "object",
            required: member.required,
            section: member.section,
            help: member.help,
            allowed: &[],
            default: member.default,
            min_length: None,
            max_length: None,
            minimum: None,
            max_items: None,
            pattern: None,
        };
        match member.shape {
            Shape::Structure(children) => {
                out.push(info);
                collect(children, &pointer, out);
            }
            Shape::List { item, max_items } => {
                info.kind = "array";
                info.max_items = Some(*max_items);
                out.push(info.clone());
                if let Shape::Structure(children) = item {
                    let item_pointer = format!("{pointer}/*");
                    out.push(FieldInfo {
                        pointer: item_pointer.clone(),
                        kind: "object",
                        required: false,
                        max_items: None,
                        ..info
                    });
                    collect(children, &item_pointer, out);
                }
            }
            Shape::String(rule) => {
                info.kind = "string";
                info.allowed = rule.allowed;
                info.min_length = rule.min_length;
                info.max_length = rule.max_length;
                info.pattern = rule.pattern;
                out.push(info);
            }
            Shape::Long { minimum } => {
                info.kind = "integer";
                info.minimum = Some(*minimum);
                out.push(info);
            }
        }
    }
}

impl FieldInfo {
    /// The metadata as a JSON object with camelCase keys; absent facts are omitted.
    pub fn to_json(&self) -> Value<'static> {
        let mut members: Vec<(Text<'static>, Value<'static>)> = vec![
            ("pointer".into(), self.pointer.clone().into()),
            ("name".into(), self.name.into()),
            ("type".into(), self.kind.into()),
            ("required".into(), self.required.into()),
            ("section".into(), self.section.into()),
            ("help".into(), self.help.into()),
        ];
        if !self.allowed.is_empty() {
            members.push(("enum".into(), self.allowed.to_vec().into()));
        }
        if let Some(defaults) = &self.default {
            members.push((
                "default".into(),
                Value::Object(vec![
                    ("BASIC".into(), literal(defaults.basic)),
                    ("ENHANCED".into(), literal(defaults.enhanced)),
                ]),
            ));
        }
        let limits = [
            ("minLength", self.min_length),
            ("maxLength", self.max_length),
            ("maxItems", self.max_items),
        ];
        for (key, limit) in limits {
            if let Some(limit) = limit {
                members.push((key.into(), limit.into()));
            }
        }
        if let Some(minimum) = self.minimum {
            members.push(("minimum".into(), minimum.into()));
        }
        if let Some(pattern) = self.pattern {
            members.push(("pattern".into(), pattern.model_regex().into()));
            members.push(("formatHint".into(), pattern.hint().into()));
        }
        Value::Object(members)
    }
}

fn literal(value: Literal) -> Value<'static> {
    match value {
        Literal::Str(text) => text.into(),
        Literal::Int(int) => Value::Number(Number::Int(int)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_model_member_once() {
        let all = fields();
        let pointers: Vec<&str> = all.iter().map(|f| f.pointer.as_str()).collect();
        // The API model lists 64 members below the root, list items included.
        assert_eq!(pointers.len(), 64);
        let unique: std::collections::HashSet<_> = pointers.iter().collect();
        assert_eq!(unique.len(), pointers.len());
        for expected in [
            "/SourceLocationArn",
            "/Options/ObjectMetadata",
            "/Tags/*",
            "/Tags/*/Key",
            "/Includes/*/Value",
            "/ManifestConfig/Source/S3/ManifestObjectVersionId",
            "/TaskReportConfig/Overrides/Skipped/ReportLevel",
            "/TaskMode",
        ] {
            assert!(pointers.contains(&expected), "{expected} missing");
        }
    }

    #[test]
    fn carries_defaults_per_mode_and_limits() {
        let all = fields();
        let verify = all
            .iter()
            .find(|f| f.pointer == "/Options/VerifyMode")
            .unwrap();
        let defaults = verify.default.unwrap();
        assert_eq!(defaults.basic, Literal::Str("POINT_IN_TIME_CONSISTENT"));
        assert_eq!(defaults.enhanced, Literal::Str("ONLY_FILES_TRANSFERRED"));
        let tags = all.iter().find(|f| f.pointer == "/Tags").unwrap();
        assert_eq!((tags.kind, tags.max_items), ("array", Some(50)));
        let bandwidth = all
            .iter()
            .find(|f| f.pointer == "/Options/BytesPerSecond")
            .unwrap();
        assert_eq!((bandwidth.kind, bandwidth.minimum), ("integer", Some(-1)));
        assert!(all.iter().all(|f| !f.help.is_empty()));
    }
}
