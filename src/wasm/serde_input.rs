//! `validateSerde`, built only with the `serde-input` feature: a JS object
//! read straight into the core's [`Value`] by serde-wasm-bindgen (one boundary
//! call or more per member and value) instead of reaching wasm as JSON text
//! (`JSON.stringify`, `TextEncoder.encodeInto`, `validateUtf8`). It exists to
//! measure that input path against ours (`bench/bench.mjs`, issue 5); the
//! package never ships it.
//!
//! For plain objects, arrays, strings, booleans, `null` and numbers the report
//! is the one `validateUtf8` gives for their `JSON.stringify` text; numbers are
//! classified exactly as the parser classifies that text. Known differences
//! (`tests/node/serde-input.test.mjs` asserts them):
//! - a member whose value is `undefined` (or an `undefined` array item) reads
//!   as `null`: serde-wasm-bindgen does not tell `undefined` from `null`, while
//!   `JSON.stringify` drops such a member;
//! - `toJSON` is not called (a `Date` reads as `{}`, not as its ISO text), a
//!   `Map` reads as an object of its entries, and functions, symbols, `Set`s and
//!   typed arrays are `input/not-serializable` instead of being dropped or
//!   written as `{}`;
//! - a `BigInt` reads as an integer where `JSON.stringify` throws;
//! - a lone UTF-16 surrogate becomes U+FFFD (the string is converted before
//!   the visitor sees it), so it is not reported as `value/invalid-unicode`;
//! - nesting deeper than [`MAX_DEPTH`] (or a cycle) is `json/too-deep` without
//!   the `line` and `column` the parser gives, and a cycle is not
//!   `input/not-serializable`;
//! - a getter that throws throws out of `validateSerde` (js-sys's
//!   `Object.entries` does not catch), where the text path reports it.
//!
//! `storeOptionsSerde` does what `storeOptions` does, with the options read
//! into the core's [`Value`] by serde-wasm-bindgen (as `validateSerde` reads a
//! request) instead of by `JSON.stringify` and the parser, to measure that
//! choice (issue 12). The value then goes through the reader `storeOptions`
//! uses ([`crate::CallOptions::from_json`]), so the two keep the same
//! descriptions (the NFS version of an FSx for OpenZFS or ONTAP location
//! under `Protocol.NFS`, say) and throw the same TypeError for a malformed
//! one; until session 38 a second reader, `#[derive(Deserialize)]` types,
//! read only a top-level `MountOptions`.

use std::borrow::Cow;
use std::fmt;

use js_sys::{Reflect, JSON};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::json::{self, Number, Value, MAX_DEPTH};
use crate::Report;

/// The message of the error the visitor gives up with beyond [`MAX_DEPTH`];
/// [`failure_report`] recognises it to report `json/too-deep`.
const TOO_DEEP: &str = "the request nests objects or arrays too deeply";

/// Checks a CreateTask request given as a JS value, read with
/// serde-wasm-bindgen. `undefined` when there is nothing to report, else the
/// report as JSON text (bench/bench.mjs parses it). Never throws for plain data.
#[wasm_bindgen(js_name = validateSerde)]
pub fn validate_serde(request: JsValue) -> Option<String> {
    let report = match serde_wasm_bindgen::from_value::<Whole>(request) {
        Ok(Whole(value)) => crate::validate_value(&value, &super::clock_context()),
        Err(error) => failure_report(error),
    };
    (!report.diagnostics.is_empty()).then(|| report.to_json_text())
}

/// `storeOptions`, with the options read by serde-wasm-bindgen into the
/// core's [`Value`], then by the same reader; its TypeErrors are those of
/// `storeOptions`, but for options serde-wasm-bindgen cannot read (a function,
/// a cycle), which `JSON.stringify` would have read or refused otherwise.
#[wasm_bindgen(js_name = storeOptionsSerde)]
pub fn store_options_serde(options: JsValue) -> Result<(), JsValue> {
    let type_error =
        |why: &str| -> JsValue { js_sys::TypeError::new(&format!("validate: {why}")).into() };
    let Whole(value) = serde_wasm_bindgen::from_value(options).map_err(|error| {
        let error = JsValue::from(error);
        let message = Reflect::get(&error, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .unwrap_or_default();
        type_error(&format!("options could not be read ({message})."))
    })?;
    super::keep(crate::CallOptions::from_json(&value).map_err(|why| type_error(&why))?)
}

/// The report for a value serde-wasm-bindgen could not read: `json/too-deep`
/// for the visitor's own depth limit, else `input/not-serializable` with the
/// error's message.
fn failure_report(error: serde_wasm_bindgen::Error) -> Report {
    let error = JsValue::from(error);
    let message = Reflect::get(&error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .unwrap_or_else(|| "serde-wasm-bindgen failed".to_owned());
    let diagnostic = if message == TOO_DEEP {
        crate::too_deep_to_serialize(crate::Operation::CreateTask)
    } else {
        crate::not_serializable(&message)
    };
    Report {
        diagnostics: vec![diagnostic],
    }
}

/// A whole request, or the whole options: any JSON value, read by
/// [`ValueSeed`] from the top.
struct Whole(Value<'static>);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ValueSeed { depth: 0 }.deserialize(deserializer).map(Whole)
    }
}

/// Reads one value that sits inside `depth` arrays and objects, counting
/// nesting as the parser does, so the same documents are too deep.
#[derive(Clone, Copy)]
struct ValueSeed {
    depth: usize,
}

impl ValueSeed {
    /// The seed for the values inside an array or object read by this one,
    /// or the too-deep error when that container is one level too many.
    fn inner<E: de::Error>(self) -> Result<Self, E> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(E::custom(TOO_DEEP));
        }
        Ok(ValueSeed { depth })
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value<'static>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value<'static>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    /// `null`, and `undefined` too (serde-wasm-bindgen reads both as unit).
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
        Ok(Value::Bool(flag))
    }

    /// A safe integer (what `JSON.stringify` writes without a fraction or an
    /// exponent, `-0` included, as `0`), or a `BigInt` within `i64`.
    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Ok(Value::Number(Number::Int(number)))
    }

    /// Only a `BigInt` above `i64::MAX` arrives here.
    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(Value::Number(match i64::try_from(number) {
            Ok(int) => Number::Int(int),
            Err(_) => Number::BigInt(Cow::Owned(number.to_string())),
        }))
    }

    /// Every other number: a fraction, an integer beyond 2^53, an infinity or NaN.
    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
        Ok(stringified_number(number))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Value::String(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Value::String(Cow::Owned(text)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let inner = self.inner()?;
        // The hint is the input's own count (a sparse array's length can be 2^32 - 1): capped.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    /// A plain object's own enumerable string-keyed members, in the order
    /// `Object.entries` (and so `JSON.stringify`) gives them. A JS object cannot
    /// name a member twice, so there are no duplicates to look for.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let inner = self.inner()?;
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(name) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            members.push((Cow::Owned(name), value));
        }
        Ok(Value::Object(members))
    }
}

/// A number that is not a safe integer, as the text path sees it: the text
/// `JSON.stringify` writes for it (`1e+21`, `9007199254740992`, `null` for NaN
/// and the infinities) read by the core's parser, so it is classified as
/// `Int`, `BigInt`, `Float` or `null` exactly as there. One JS call, and only
/// for numbers a valid request never holds.
fn stringified_number(number: f64) -> Value<'static> {
    let text = JSON::stringify(&JsValue::from_f64(number))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    match json::parse(&text).map(|parsed| parsed.value) {
        Ok(Value::Number(Number::Int(int))) => Value::Number(Number::Int(int)),
        Ok(Value::Number(Number::BigInt(literal))) => {
            Value::Number(Number::BigInt(Cow::Owned(literal.into_owned())))
        }
        Ok(Value::Number(Number::Float(literal))) => {
            Value::Number(Number::Float(Cow::Owned(literal.into_owned())))
        }
        _ => Value::Null,
    }
}
