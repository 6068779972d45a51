//! The options argument of `validate` and `applyDefaults`: what the caller
//! knows besides the request (`{ locations?, operation?, task? }`).
//!
//! This is the one place that reads it, so each new member is added here.
//! Members it does not know are ignored, so callers may already pass members
//! that a later version reads. A malformed member is an error: a finished
//! sentence that the JS boundary throws as a `TypeError`.

use crate::json::{self, Value};
use crate::locations::{locations_from_json, Location};
use crate::rules::Context;

/// The options, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallOptions {
    /// `locations`: descriptions of the task's locations.
    pub locations: Vec<Location>,
}

impl CallOptions {
    /// Reads the options from JSON text (what `JSON.stringify` made of them).
    pub fn from_json_text(text: &str) -> Result<CallOptions, String> {
        let parsed = json::parse(text).map_err(|_| {
            "options could not be read as JSON; pass a plain object such as { locations }."
                .to_owned()
        })?;
        CallOptions::from_json(&parsed.value)
    }

    /// Reads the options from a parsed value; `null` means none.
    pub fn from_json(value: &Value) -> Result<CallOptions, String> {
        match value {
            Value::Null => return Ok(CallOptions::default()),
            Value::Object(_) => {}
            other => {
                return Err(format!(
                    "options must be an object such as {{ locations }}, but it is {}.",
                    other.type_name()
                ))
            }
        }
        let locations = match value.get("locations") {
            None | Some(Value::Null) => Vec::new(),
            Some(locations) => locations_from_json(locations)?,
        };
        Ok(CallOptions { locations })
    }

    /// `base` (the clock and the time) with what these options describe.
    pub fn context<'a>(&'a self, base: Context<'a>) -> Context<'a> {
        base.with_locations(&self.locations)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locations_and_ignores_members_it_does_not_know() {
        let options = CallOptions::from_json_text(
            r#"{"locations":[{"LocationArn":"a","type":"S3"}],"operation":"CreateTask","task":{}}"#,
        )
        .expect("valid options");
        assert_eq!(options.locations.len(), 1);
        assert_eq!(
            CallOptions::from_json_text("{}"),
            Ok(CallOptions::default())
        );
        assert_eq!(
            CallOptions::from_json_text("null"),
            Ok(CallOptions::default())
        );
        assert_eq!(
            CallOptions::from_json_text(r#"{"locations":null}"#),
            Ok(CallOptions::default())
        );
    }

    #[test]
    fn malformed_options_are_errors() {
        assert_eq!(
            CallOptions::from_json_text("[]"),
            Err("options must be an object such as { locations }, but it is array.".to_owned())
        );
        assert!(CallOptions::from_json_text(r#"{"locations":{}}"#)
            .unwrap_err()
            .starts_with("options.locations must be an array"));
        assert!(CallOptions::from_json_text("{").is_err());
    }
}
