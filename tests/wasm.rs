//! The JavaScript boundary (`src/wasm.rs`), exercised through real JS values.
//!
//! Runs under Node.js by default and in headless Chromium when the runner sees
//! `WASM_BINDGEN_USE_BROWSER=1` (see scripts/test.sh); the test binary is the same.
#![cfg(target_arch = "wasm32")]

use datasync_task_validator::internal::report_record::{CODE_MASK, FIRST_DIAGNOSTIC};
use datasync_task_validator::internal::wasm::{
    apply_defaults as apply_defaults_with, describe_schedule, fields as fields_with,
    report_unserializable, validate as validate_with, validate_utf8 as validate_utf8_with, version,
};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const SOURCE: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0";
const DESTINATION: &str = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210";

/// `validate` without options, which never throws.
fn validate(request: JsValue) -> JsValue {
    validate_with(request, JsValue::UNDEFINED).expect("validate without options does not throw")
}

/// `validateUtf8` without options: the address of the report's record, 0 for none.
fn validate_utf8(bytes: &[u8]) -> usize {
    validate_utf8_with(bytes, JsValue::UNDEFINED)
        .expect("validateUtf8 without options does not throw")
}

/// The header and the first words of the report's record at `address`
/// (src/report_record.rs): `[text address, text bytes, words, table address,
/// valid, errors, warnings]`, the record's text, and the first diagnostic's
/// code (a fixed string, read where the table of fixed strings says it lies
/// in wasm memory, at the code's number). The package's reader is
/// tested in tests/node/report-record.test.mjs.
fn record_at(address: usize) -> ([u32; FIRST_DIAGNOSTIC], String, String) {
    let buffer = wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer();
    // Up to the first diagnostic's code's number.
    const READ: usize = FIRST_DIAGNOSTIC + 1;
    let words =
        js_sys::Uint32Array::new_with_byte_offset_and_length(&buffer, address as u32, READ as u32);
    let mut head = [0u32; READ];
    words.copy_to(&mut head);
    let utf8 = |at: u32, length: u32| {
        // The bytes' vector first, then a view of the memory as it is now:
        // allocating may take a new region and grow the memory, which
        // detaches every view made before (as `buffer` above may be by now).
        let mut bytes = vec![0; length as usize];
        let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), at, length)
            .copy_to(&mut bytes);
        String::from_utf8(bytes).expect("UTF-8 text")
    };
    // The first diagnostic's code: its number (its head's low bits), which
    // is its string's in the table of fixed strings, two words each
    // (address, length) from the header's fourth word (src/report_record.rs).
    let table = js_sys::Uint32Array::new_with_byte_offset_and_length(
        &wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer(),
        head[3] + 8 * (head[FIRST_DIAGNOSTIC] & CODE_MASK),
        2,
    );
    let mut entry = [0u32; 2];
    table.copy_to(&mut entry);
    let code = utf8(entry[0], entry[1]);
    let text = utf8(head[0], head[1]);
    let mut first = [0; FIRST_DIAGNOSTIC];
    first.copy_from_slice(&head[..FIRST_DIAGNOSTIC]);
    (first, text, code)
}

/// `applyDefaults` without options.
fn apply_defaults(request: JsValue) -> Result<JsValue, JsValue> {
    apply_defaults_with(request, JsValue::UNDEFINED)
}

/// `fields` without options.
fn fields() -> JsValue {
    fields_with(JsValue::UNDEFINED).expect("fields without options does not throw")
}

/// A JS value from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

/// A good request as a JS object.
fn good_request() -> JsValue {
    js(&format!(
        r#"{{"SourceLocationArn": "{SOURCE}", "DestinationLocationArn": "{DESTINATION}"}}"#
    ))
}

/// `value[key]`, panicking with the key when it is missing.
fn get(value: &JsValue, key: &str) -> JsValue {
    let member = Reflect::get(value, &JsValue::from_str(key)).expect("Reflect.get");
    assert!(
        !member.is_undefined(),
        "missing member {key} in {}",
        text(value)
    );
    member
}

/// `JSON.stringify(value)`, for messages and comparisons.
fn text(value: &JsValue) -> String {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

fn array(value: &JsValue) -> Array {
    assert!(Array::is_array(value), "not an array: {}", text(value));
    value.clone().unchecked_into()
}

/// Asserts `value` is a plain object (prototype Object.prototype), not a Map or class instance.
fn assert_plain_object(value: &JsValue) {
    assert!(value.is_object(), "not an object: {value:?}");
    assert!(!value.is_instance_of::<js_sys::Map>(), "a Map: {value:?}");
    let prototype = Object::get_prototype_of(value);
    let object_prototype = Object::get_prototype_of(&Object::new());
    assert!(
        Object::is(&prototype, &object_prototype),
        "not a plain object: {value:?}"
    );
}

/// The codes of a list of diagnostics.
fn codes(diagnostics: &JsValue) -> Vec<String> {
    array(diagnostics)
        .iter()
        .map(|d| get(&d, "code").as_string().unwrap())
        .collect()
}

/// Asserts a validate() result has exactly one error, with this code and path "".
fn assert_single_error(result: &JsValue, code: &str) -> JsValue {
    assert_eq!(get(result, "valid"), JsValue::FALSE, "{}", text(result));
    let errors = get(result, "errors");
    assert_eq!(codes(&errors), [code], "{}", text(result));
    let error = array(&errors).get(0);
    assert_eq!(get(&error, "path").as_string().unwrap(), "");
    assert_eq!(get(&error, "severity").as_string().unwrap(), "error");
    assert!(!get(&error, "message").as_string().unwrap().is_empty());
    error
}

#[wasm_bindgen_test]
fn validates_a_good_object() {
    let result = validate(good_request());
    assert_plain_object(&result);
    assert_eq!(get(&result, "valid"), JsValue::TRUE, "{}", text(&result));
    assert_eq!(array(&get(&result, "errors")).length(), 0);
    assert!(Array::is_array(&get(&result, "warnings")));
}

#[wasm_bindgen_test]
fn reports_missing_members_of_an_empty_object() {
    let result = validate(Object::new().into());
    assert_eq!(get(&result, "valid"), JsValue::FALSE);
    let errors = get(&result, "errors");
    assert_eq!(
        codes(&errors),
        ["request/missing-member", "request/missing-member"]
    );
    let paths: Vec<String> = array(&errors)
        .iter()
        .map(|d| get(&d, "path").as_string().unwrap())
        .collect();
    assert!(
        paths.contains(&"/SourceLocationArn".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"/DestinationLocationArn".to_owned()),
        "{paths:?}"
    );
}

#[wasm_bindgen_test]
fn validates_a_json_string_like_the_same_object() {
    let as_text = JsValue::from_str(&text(&good_request()));
    let result = validate(as_text);
    assert_eq!(get(&result, "valid"), JsValue::TRUE, "{}", text(&result));
    let empty = validate(JsValue::from_str("{}"));
    assert_eq!(text(&empty), text(&validate(Object::new().into())));
}

#[wasm_bindgen_test]
fn reports_a_syntax_error_with_line_and_column() {
    let result = validate(JsValue::from_str("{\n  \"SourceLocationArn\": ,\n}"));
    assert_plain_object(&result);
    let error = assert_single_error(&result, "json/syntax-error");
    let params = get(&error, "params");
    assert_plain_object(&params);
    assert_eq!(get(&params, "line").as_f64(), Some(2.0), "{}", text(&error));
    assert!(
        get(&params, "column").as_f64().unwrap() >= 1.0,
        "{}",
        text(&error)
    );
}

#[wasm_bindgen_test]
fn reports_a_request_that_is_not_an_object() {
    let inputs = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(42.0),
        Array::new().into(),
    ];
    for input in inputs {
        let result = validate(input.clone());
        assert_plain_object(&result);
        assert_single_error(&result, "request/not-an-object");
    }
}

#[wasm_bindgen_test]
fn reports_a_cyclic_object_as_not_serializable() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    assert_single_error(&validate(cyclic.into()), "input/not-serializable");
}

/// The glue's own `validate` serialises with a plain `JSON.stringify`, which
/// refuses a BigInt; the package's wrappers (js/text-path.mjs) never hand it an
/// object: they write a BigInt as its digits first (tests/node/bigint-input.test.mjs).
#[wasm_bindgen_test]
fn the_glue_alone_reports_a_bigint_as_not_serializable() {
    let request = good_request();
    let options = Object::new();
    Reflect::set(
        &options,
        &"BytesPerSecond".into(),
        &js_sys::BigInt::from(1024u32),
    )
    .unwrap();
    Reflect::set(&request, &"Options".into(), &options).unwrap();
    assert_single_error(&validate(request), "input/not-serializable");
}

#[wasm_bindgen_test]
fn the_utf8_path_is_silent_for_a_clean_request_and_reports_like_validate() {
    let clean = text(&good_request());
    assert_eq!(validate_utf8(clean.as_bytes()), 0);
    let broken = r#"{"SourceLocationArn": 1}"#;
    let ([_, _, _, _, valid, errors, warnings], strings, code) =
        record_at(validate_utf8(broken.as_bytes()));
    let report = validate(broken.into());
    assert_eq!((valid, errors, warnings), (0, 2, 0));
    assert_eq!(array(&get(&report, "errors")).length(), errors);
    assert_eq!(code, "request/missing-member");
    assert!(
        strings.contains("SourceLocationArn must be a string"),
        "{strings}"
    );
    // Bytes that are not UTF-8 never trap; they are read leniently.
    let (_, _, code) = record_at(validate_utf8(b"{\"Name\": \"\xff\"}"));
    assert_eq!(code, "request/missing-member");
}

#[wasm_bindgen_test]
fn a_caught_serialisation_error_becomes_the_same_diagnostic_as_in_validate() {
    let range_error: JsValue = js_sys::RangeError::new("Maximum call stack size exceeded").into();
    assert_single_error(
        &report_unserializable(range_error, JsValue::UNDEFINED).expect("no options, no exception"),
        "json/too-deep",
    );
    // SpiderMonkey's own error for a stack that ran out is an InternalError.
    let internal_error: JsValue = js_sys::Error::new("too much recursion").into();
    assert_single_error(
        &report_unserializable(internal_error, JsValue::UNDEFINED).expect("no options"),
        "json/too-deep",
    );
    // A RangeError a toJSON threw is reported with its message.
    let thrown: JsValue = js_sys::RangeError::new("Invalid time value").into();
    let diagnostic = assert_single_error(
        &report_unserializable(thrown, JsValue::UNDEFINED).expect("no options"),
        "input/not-serializable",
    );
    assert!(text(&get(&diagnostic, "message")).contains("Invalid time value"));
    let type_error: JsValue = js_sys::TypeError::new("cyclic object value").into();
    let diagnostic = assert_single_error(
        &report_unserializable(type_error, JsValue::UNDEFINED).expect("no options, no exception"),
        "input/not-serializable",
    );
    assert!(text(&get(&diagnostic, "message")).contains("cyclic object value"));
    assert_single_error(
        &report_unserializable(JsValue::UNDEFINED, JsValue::UNDEFINED)
            .expect("no options, no exception"),
        "input/not-serializable",
    );
}

#[wasm_bindgen_test]
fn results_are_plain_objects_and_arrays() {
    let result = validate(Object::new().into());
    assert_plain_object(&result);
    for key in ["errors", "warnings"] {
        let list = get(&result, key);
        assert!(list.is_instance_of::<Array>(), "{key} is not an Array");
        for diagnostic in array(&list).iter() {
            assert_plain_object(&diagnostic);
        }
    }
    let list = fields();
    assert!(list.is_instance_of::<Array>());
    array(&list).iter().for_each(|f| assert_plain_object(&f));
}

#[wasm_bindgen_test]
fn apply_defaults_fills_verify_mode_per_task_mode() {
    let filled = apply_defaults(js(r#"{"TaskMode": "ENHANCED"}"#)).unwrap();
    assert_plain_object(&filled);
    let options = get(&filled, "Options");
    assert_plain_object(&options);
    assert_eq!(
        get(&options, "VerifyMode").as_string().unwrap(),
        "ONLY_FILES_TRANSFERRED"
    );
    let basic = apply_defaults(Object::new().into()).unwrap();
    assert_eq!(get(&basic, "TaskMode").as_string().unwrap(), "BASIC");
    let verify = get(&get(&basic, "Options"), "VerifyMode");
    assert_eq!(verify.as_string().unwrap(), "POINT_IN_TIME_CONSISTENT");
}

#[wasm_bindgen_test]
fn apply_defaults_throws_a_type_error_for_non_objects() {
    let inputs = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(1.0),
        JsValue::from_str("[1, 2]"),
        JsValue::from_str("{"),
        Array::new().into(),
    ];
    for input in inputs {
        let error = apply_defaults(input.clone()).expect_err("applyDefaults should throw");
        assert!(
            error.is_instance_of::<js_sys::TypeError>(),
            "{input:?} gave {error:?}"
        );
        let message = get(&error, "message").as_string().unwrap();
        assert!(message.starts_with("applyDefaults: "), "{message}");
    }
}

#[wasm_bindgen_test]
fn fields_is_a_non_empty_array_of_field_info() {
    let list = array(&fields());
    assert!(list.length() > 0);
    let first = list.get(0);
    for key in ["pointer", "name", "type", "required", "section", "help"] {
        get(&first, key);
    }
    let verify = list
        .iter()
        .find(|f| get(f, "pointer").as_string().as_deref() == Some("/Options/VerifyMode"))
        .expect("/Options/VerifyMode is listed");
    let default = get(&verify, "default");
    assert_eq!(
        get(&default, "ENHANCED").as_string().unwrap(),
        "ONLY_FILES_TRANSFERRED"
    );
}

#[wasm_bindgen_test]
fn describe_schedule_lists_the_requested_runs() {
    let options = js(r#"{"from": "2026-01-01T00:00:00Z", "count": 2}"#);
    let result = describe_schedule("rate(12 hours)".into(), options).unwrap();
    assert_plain_object(&result);
    assert_eq!(get(&result, "valid"), JsValue::TRUE, "{}", text(&result));
    let runs: Vec<String> = array(&get(&result, "nextRuns"))
        .iter()
        .map(|r| r.as_string().unwrap())
        .collect();
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert!(runs.iter().all(|r| r.starts_with("2026-01-0")), "{runs:?}");
    assert!(get(&result, "summary").is_string());
}

#[wasm_bindgen_test]
fn describe_schedule_takes_a_date_and_rejects_bad_options() {
    let options = Object::new();
    let from = js_sys::Date::new(&JsValue::from_str("2026-01-01T00:00:00Z"));
    Reflect::set(&options, &"from".into(), &from).unwrap();
    Reflect::set(&options, &"count".into(), &JsValue::from_f64(3.0)).unwrap();
    let result = describe_schedule("rate(1 day)".into(), options.into()).unwrap();
    assert_eq!(
        array(&get(&result, "nextRuns")).length(),
        3,
        "{}",
        text(&result)
    );
    let bad = describe_schedule("rate(1 day)".into(), js(r#"{"count": 1000}"#));
    assert!(bad
        .expect_err("count 1000")
        .is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn describe_schedule_refuses_date_look_alikes_and_times_beyond_the_date_range() {
    let with_from = |from: &JsValue| {
        let options = Object::new();
        Reflect::set(&options, &"from".into(), from).unwrap();
        describe_schedule("rate(1 day)".into(), options.into())
    };
    let date = js_sys::Date::new(&JsValue::from_str("2026-01-01T00:00:00Z"));
    // Both pass `instanceof Date`, and Date.prototype.getTime throws on them:
    // a TypeError, caught at the boundary, not an exception through wasm.
    let proxy = js_sys::Proxy::new(&date, &Object::new());
    let date_class = Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
    let prototype = Reflect::get(&date_class, &"prototype".into()).unwrap();
    let look_alike: Object = Object::create(prototype.unchecked_ref());
    let beyond = [
        JsValue::from_f64(8.64e15 + 1.0),
        JsValue::from_f64(-8.64e15 - 1.0),
        JsValue::from_f64(f64::INFINITY),
        JsValue::bigint_from_str("8640000000000001"),
        JsValue::bigint_from_str("1180591620717411303424"),
    ];
    for from in [proxy.into(), look_alike.into()]
        .iter()
        .chain(beyond.iter())
    {
        let error = with_from(from).expect_err("not a time");
        assert!(error.is_instance_of::<js_sys::TypeError>());
    }
    assert!(with_from(&JsValue::from_f64(8.64e15)).is_ok());
    assert!(with_from(&date.into()).is_ok());
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn the_instance_survives_the_worst_inputs() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let lone_surrogate = js_sys::JsString::from_char_code1(0xD800);
    let worst: Vec<JsValue> = vec![
        JsValue::from_str(&deep),
        JsValue::from_str(&"{".repeat(10_000)),
        JsValue::from_str(&"x".repeat(1 << 20)),
        JsValue::from_str("\u{0}\u{FFFF}"),
        lone_surrogate.into(),
        cyclic.into(),
        JsValue::from_f64(f64::NAN),
        JsValue::symbol(None),
        js_sys::Function::new_no_args("return 1").into(),
    ];
    for input in worst {
        let result = validate(input.clone());
        assert_eq!(get(&result, "valid"), JsValue::FALSE, "{input:?} was valid");
        let _ = apply_defaults(input.clone());
        let _ = describe_schedule(input, JsValue::UNDEFINED);
    }
    let _ = describe_schedule("cron(* * * * * *)".into(), JsValue::UNDEFINED);
    let result = validate(good_request());
    assert_eq!(get(&result, "valid"), JsValue::TRUE, "{}", text(&result));
}

#[wasm_bindgen_test]
fn options_choose_the_operation_and_malformed_options_are_type_errors() {
    let update = js(r#"{"operation":"UpdateTask"}"#);
    let result = validate_with(js("{}"), update.clone()).expect("valid options");
    let errors = array(&get(&result, "errors"));
    assert_eq!(errors.length(), 1, "{}", text(&result));
    assert_eq!(
        get(&errors.get(0), "path").as_string().as_deref(),
        Some("/TaskArn")
    );
    let not_an_object = validate_with(JsValue::UNDEFINED, update.clone()).expect("a report");
    assert!(text(&not_an_object).contains("UpdateTask members"));
    let update_fields = array(&fields_with(update.clone()).expect("fields"));
    assert_eq!(
        get(&update_fields.get(0), "pointer").as_string().as_deref(),
        Some("/TaskArn")
    );
    let unchanged = apply_defaults_with(js(r#"{"TaskArn":"t"}"#), update).expect("a copy");
    assert_eq!(text(&unchanged), r#"{"TaskArn":"t"}"#);
    for bad in [r#"{"operation":"Update"}"#, "[]", r#"{"task":3}"#, "3"] {
        let error = validate_with(good_request(), js(bad)).expect_err("malformed options throw");
        assert!(error.is_instance_of::<js_sys::TypeError>(), "{bad}");
        let error = fields_with(js(bad)).expect_err("malformed options throw");
        assert!(error.is_instance_of::<js_sys::TypeError>(), "{bad}");
    }
}
