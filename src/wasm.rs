//! The JavaScript boundary: the only module that knows about wasm-bindgen.
//!
//! Requests arrive as a JSON string or a JS value. A JS value is turned into
//! JSON text by the engine's own `JSON.stringify` (one fast native call), so
//! the core sees the same text either way; the wrapper's generated walker
//! reads an ordinary object itself and hands over words and strings instead
//! (`validateWalked`), judged as that text would be. Results go back as JSON text that
//! `JSON.parse` turns into plain objects and arrays, except on `validate`'s
//! fast path (`validateInput` and its kin, `validateWalked` for the object
//! walker's words, `validateUtf8`), whose report is a compact
//! record in wasm memory (see [`crate::report_record`]). User mistakes become
//! diagnostics; only `applyDefaults` (non-object input) and malformed options
//! (`validate`, `applyDefaults`, `fields`, `describeSchedule`) throw, as
//! documented. The options of `validate`, `applyDefaults` and `fields`
//! (`{ locations, operation, task }`) are read by [`read_options`] alone:
//! `JSON.stringify`, then the core's [`CallOptions`].
//!
//! With the `serde-input` feature (benchmarks only, never in `pkg/`),
//! `serde_input` adds `validateSerde`, which reads a JS object with
//! serde-wasm-bindgen instead.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use self::js::{Date, JsString};

use crate::json::{self, Value};
use crate::report_record::{Record, HEADER_WORDS};
use crate::{CallOptions, Context, Operation, Report};

mod js;
#[cfg(feature = "serde-input")]
mod serde_input;

/// The allocator of the whole `.wasm`: a report's small blocks bumped out of
/// a region that starts again once they are all freed (see the crate
/// `bump-regions`); the regions and the large blocks from talc, which takes
/// its memory from `memory.grow`, in place of the standard library's dlmalloc.
#[global_allocator]
static ALLOCATOR: bump_regions::BumpRegions<talc::wasm::WasmDynamicTalc> =
    bump_regions::BumpRegions::new(talc::wasm::new_wasm_dynamic_allocator());

/// Run times `describeSchedule` returns when `count` is omitted.
const DEFAULT_RUNS: usize = 5;

#[wasm_bindgen(start)]
fn start() {
    // A panic is a bug: the console says what and where (as "panicked at
    // FILE:LINE:COLUMN:" and the message) before the call traps.
    std::panic::set_hook(Box::new(|info| js::console_error(&info.to_string())));
}

/// Hands a core value to JavaScript as plain objects and arrays.
fn to_js(value: &Value) -> Result<JsValue, JsValue> {
    json_to_js(&json::to_string(value))
}

/// Like [`to_js`], but every integer a JS number cannot hold exactly (beyond
/// 2^53 - 1) comes back as a BigInt with the same digits, not rounded.
fn to_js_exact(value: &Value) -> Result<JsValue, JsValue> {
    let js = to_js(value)?;
    for (path, digits) in json::inexact_integers(value) {
        let Some((last, parents)) = path.split_last() else {
            // The whole value is the integer (not a request, which is an object).
            continue;
        };
        let key = |step: &json::PathStep| match step {
            json::PathStep::Member(name) => JsValue::from_str(name),
            json::PathStep::Index(index) => JsValue::from_f64(*index as f64),
        };
        // Plain objects and arrays from JSON.parse: these reads and writes
        // reach own data properties only (even one named __proto__) and cannot throw.
        let parent = parents.iter().try_fold(js.clone(), |object, step| {
            js::reflect_get(&object, &key(step)).ok()
        });
        let big = js::big_int(&JsValue::from_str(&digits));
        if let (Some(parent), Ok(big)) = (parent, big) {
            let _ = js::reflect_set(&parent, &key(last), &big);
        }
    }
    Ok(js)
}

/// Hands JSON text written by the core to JavaScript as plain objects and
/// arrays, or what `JSON.parse` threw: the JS stack ran out (a RangeError),
/// or a `JSON.parse` a page replaced before the package loaded failed (the
/// glue takes it at load: scripts/build.sh). Never `null` in a report's place.
fn json_to_js(text: &str) -> Result<JsValue, JsValue> {
    js::json_parse(text)
}

/// The request as JSON text, or the report to return instead, with what
/// `JSON.stringify` threw when it did (for [`caused`]); `operation` names the
/// request in the report for a value that is not an object.
fn request_text(
    request: &JsValue,
    operation: Operation,
) -> Result<String, (Report, Option<JsValue>)> {
    if let Some(converted) = request.as_string() {
        // The conversion into Rust turns lone surrogates into U+FFFD. Only when
        // one appears is the text re-read unit by unit (slow, one JS call per
        // unit) to write them as \u escapes, which the parser then reports.
        let text = request.unchecked_ref::<JsString>();
        let replaced = crate::search::find(&converted, "\u{fffd}").is_some();
        if replaced && !text.is_valid_utf16() {
            return Ok(escape_lone_surrogates(text));
        }
        return Ok(converted);
    }
    if !request.is_object() {
        let kind = if request.is_null() {
            "null".to_owned()
        } else {
            request.js_typeof().as_string().unwrap_or_default()
        };
        let phrase = match kind.as_str() {
            "undefined" | "null" => kind.clone(),
            "object" => "an object".to_owned(),
            other => format!("a {other}"),
        };
        let report = Report {
            diagnostics: vec![crate::rules::structure::not_an_object_for(
                &phrase, &kind, operation,
            )],
        };
        return Err((report, None));
    }
    match js::json_stringify(request) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| (serialization_failure(&JsValue::UNDEFINED, operation), None)),
        Err(error) => Err((serialization_failure(&error, operation), Some(error))),
    }
}

/// The report for a request of `operation` that `JSON.stringify` could not
/// serialise: `error` is what it threw, or `undefined` when it returned nothing.
fn serialization_failure(error: &JsValue, operation: Operation) -> Report {
    let diagnostic = if error.is_undefined() {
        crate::not_serializable("JSON.stringify returned nothing")
    } else if ran_out_of_stack(error) {
        // JSON.stringify runs out of stack on absurdly deep objects.
        crate::too_deep_to_serialize(operation)
    } else {
        let reason =
            first_line_of_message(error).unwrap_or_else(|| "JSON.stringify failed".to_owned());
        crate::not_serializable(&reason)
    };
    Report {
        diagnostics: vec![diagnostic],
    }
}

/// Whether `error` is the engine's own for a stack that ran out: a
/// RangeError "Maximum call stack size exceeded" in V8 and JavaScriptCore,
/// an InternalError "too much recursion" in SpiderMonkey. Not a RangeError a
/// getter or `toJSON` threw (`new Date(NaN).toISOString()`'s "Invalid time
/// value", say), which is reported with its message.
fn ran_out_of_stack(error: &JsValue) -> bool {
    let Some(message) = first_line_of_message(error) else {
        return false;
    };
    // search::find, not str::contains: no string searcher in the .wasm (src/search.rs).
    let call_stack = crate::search::find(&message, "call stack").is_some();
    (error.is_instance_of::<js::RangeError>() && call_stack) || message == "too much recursion"
}

/// A TypeError saying `message`, with `thrown`, what `JSON.stringify`
/// threw, as its `cause`. When that is the engine's error for a JS stack
/// run out, the core names the request or options it could not write (too
/// deep, unreadable), which is wrong when the call came with the stack
/// nearly full: the `cause` is how the wrapper (js/text-path.mjs,
/// `stackRanOut`) tells, without a second home of the core's wording.
/// The constructor is given the cause (`new TypeError(message, { cause })`),
/// so that it is the error's own property, not enumerable, whatever a page
/// put on `Error.prototype`: assigned, it ran a setter there, and a
/// read-only `cause` there made the web glue (a strict module) throw. The
/// `{ cause }` is `JSON.parse`'s, a plain object with a `cause` of its own,
/// which `Reflect.set` then replaces: neither runs code of the page. Should
/// the JS stack run out in either, that RangeError is what the call throws.
fn caused(message: &str, thrown: &JsValue) -> JsValue {
    let options = match js::json_parse(r#"{"cause":0}"#) {
        Ok(options) => options,
        Err(ran_out) => return ran_out,
    };
    match js::reflect_set(&options, &JsValue::from_str("cause"), thrown) {
        Ok(_) => js::TypeError::new(message, &options).into(),
        Err(ran_out) => ran_out,
    }
}

/// The first line of what `error.message` says, trimmed, when it says
/// something: V8's message for a circular object goes on with an indented
/// drawing of the cycle, which reads badly in one line. Anything a getter or
/// toJSON threw is read through a caught `Reflect.get`; the callers quote it,
/// which cuts a long one.
fn first_line_of_message(error: &JsValue) -> Option<String> {
    js::reflect_get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .and_then(|m| m.lines().next().map(|line| line.trim().to_owned()))
        .filter(|line| !line.is_empty())
}

/// The report `validate` gives for a request whose `JSON.stringify` in the
/// wrapper threw `error` (or returned nothing: `undefined`), so the object is
/// not serialised a second time (its getters and `toJSON` run once).
/// Throws a TypeError for malformed `options`, as `validate` does, and
/// passes on what `JSON.parse` throws handing back the report (see
/// `json_to_js`).
#[wasm_bindgen(js_name = reportUnserializable)]
pub fn report_unserializable(error: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let operation = read_options("validate", &options)?.operation;
    json_to_js(&serialization_failure(&error, operation).to_json_text())
}

/// Reads the options argument of `validate`, `applyDefaults` or `fields` (`function`
/// names it in the message): `undefined` or `null` mean none; anything else
/// must be an object that `JSON.stringify` can write and the core can read.
/// Throws a TypeError otherwise, the one exception for malformed input these
/// functions document (what they hand back passes through `json_to_js`,
/// which passes on what `JSON.parse` throws); for options `JSON.stringify`
/// cannot write, with what it threw as the `cause` (see [`caused`]).
fn read_options(function: &str, options: &JsValue) -> Result<CallOptions, JsValue> {
    let type_error = |why: &str| -> JsValue {
        js::TypeError::new(&format!("{function}: {why}"), &JsValue::UNDEFINED).into()
    };
    if options.is_undefined() || options.is_null() {
        return Ok(CallOptions::default());
    }
    if !options.is_object() || options.is_function() {
        return Err(type_error(
            "options must be an object such as { locations, operation, task }.",
        ));
    }
    let text = match js::json_stringify(options) {
        Ok(text) => text.as_string(),
        Err(error) => {
            let reason =
                first_line_of_message(&error).unwrap_or_else(|| "JSON.stringify failed".to_owned());
            let unreadable = crate::context::unreadable(&reason);
            return Err(caused(&format!("{function}: {unreadable}"), &error));
        }
    };
    let text = text.ok_or_else(|| type_error("options could not be read as JSON."))?;
    let parsed = crate::context::parse(&text).map_err(|why| type_error(&why))?;
    if let Some(why) = dropped_member(options, &parsed) {
        return Err(type_error(&why));
    }
    CallOptions::from_json(&parsed).map_err(|why| type_error(&why))
}

/// Why `options` is malformed when `JSON.stringify` left out one of the
/// members the core reads because it holds a symbol or a function (so it
/// would read as omitted: `{ operation: Symbol() }` as CreateTask). Only a
/// member missing from `parsed` is read again (a getter that gave a string
/// runs once); options with their own `toJSON` are judged by what it returned.
fn dropped_member(options: &JsValue, parsed: &Value) -> Option<String> {
    let read = |name: &str| js::reflect_get(options, &JsValue::from_str(name)).ok();
    if !matches!(parsed, Value::Object(_)) || read("toJSON").is_some_and(|f| f.is_function()) {
        return None;
    }
    crate::context::MEMBERS.iter().find_map(|&name| {
        if parsed.get(name).is_some() {
            return None;
        }
        let value = read(name)?;
        let kind = if value.is_function() {
            "a function"
        } else if value.is_symbol() {
            "a symbol"
        } else {
            return None;
        };
        Some(crate::context::wrong_type(name, kind))
    })
}

/// The UTF-16 text with every unpaired surrogate written as a `\\uXXXX` escape.
fn escape_lone_surrogates(text: &JsString) -> String {
    let mut out = String::with_capacity(text.length() as usize);
    for unit in char::decode_utf16(text.iter()) {
        match unit {
            Ok(ch) => out.push(ch),
            Err(lone) => out.push_str(&format!("\\u{:04x}", lone.unpaired_surrogate())),
        }
    }
    out
}

/// Checks a request (object or JSON string) of the operation `options`
/// names (`{ locations, operation, task }`, or `undefined`; CreateTask by
/// default). Throws a TypeError for malformed options, and passes on what
/// `JSON.parse` throws handing back the report (see `json_to_js`: a
/// RangeError when the JS stack is full, or the failure of a `JSON.parse`
/// replaced before load); every problem with the request is a diagnostic.
#[wasm_bindgen(js_name = validate)]
pub fn validate(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options("validate", &options)?;
    let report = match request_text(&request, options.operation) {
        Ok(text) => crate::validate_text(&text, &options.context(clock_context())),
        Err((report, _)) => report,
    };
    json_to_js(&report.to_json_text())
}

/// The fast path behind `validate` (see `js/text-path.mjs`): the UTF-8 bytes
/// of JSON text. Returns 0 when there is nothing to report, so a clean
/// request costs no result at all, else the address of the report written as
/// a record (see [`write_record`]). Throws a TypeError for malformed `options`.
#[wasm_bindgen(js_name = validateUtf8)]
pub fn validate_utf8(bytes: &[u8], options: JsValue) -> Result<usize, JsValue> {
    let options = read_options("validate", &options)?;
    Ok(validate_bytes(bytes, &options))
}

/// `validateUtf8` once the options are read.
fn validate_bytes(bytes: &[u8], options: &CallOptions) -> usize {
    // The wrapper's TextEncoder always writes valid UTF-8; anything else is
    // read leniently rather than trusted. from_utf8 comes first because it is
    // faster than from_utf8_lossy's chunked scan on that usual, valid input.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let report = crate::validate_text(&text, &options.context(clock_context()));
    if report.diagnostics.is_empty() {
        return 0;
    }
    write_record(&report)
}

/// Writes `report` into the one reused [`Record`] and returns the address of
/// its words. The first four are a header: the address of the record's
/// text, the text's length in bytes, the count of words, header included,
/// and the address of its table of fixed strings; the report follows (see
/// [`crate::report_record`]). Words and text stay where they are until the
/// next report is written, and the wrapper reads them at once, before
/// anything can call the core again.
fn write_record(report: &Report) -> usize {
    RECORD.with(|cell| {
        // Taken out while written (no borrow held) and put back: its memory is reused.
        let mut record = cell.take();
        record.clear();
        record.words.extend([0; HEADER_WORDS]);
        record.write(report);
        let header: [u32; HEADER_WORDS] = [
            record.text.as_ptr() as usize as u32,
            record.text.len() as u32,
            record.words.len() as u32,
            record.table.as_ptr() as usize as u32,
        ];
        record.words[..HEADER_WORDS].copy_from_slice(&header);
        let address = record.words.as_ptr() as usize;
        cell.set(record);
        address
    })
}

thread_local! {
    /// Where the wrapper writes a request's UTF-8 bytes straight into wasm
    /// memory (see `inputBuffer`), so the text is copied once, not twice, and
    /// no allocation is made or freed per call.
    ///
    /// A [`Lent`] buffer: its contents are rewritten by the next call, so
    /// the request's text is never `'static`.
    static INPUT: Lent<u8> = const { Lent::new() };

    /// The options the wrapper stored with `storeOptions`, for
    /// `validateInputStored`: a form validates on every keystroke with the
    /// same locations, and reading them again each time cost more than
    /// validating a small request. An `Rc` in a `Cell`, like `INPUT` taking no
    /// borrow: a reader clones the `Rc`, so an exception that unwinds through
    /// the core while it validates leaves nothing locked (at worst that one
    /// clone is never dropped).
    static STORED: Cell<Option<Rc<CallOptions>>> = const { Cell::new(None) };

    /// Where the wrapper copies the words the generated walker in
    /// `js/text-path.mjs` wrote of a request given as an object (see
    /// [`crate::walked`]); its strings go into `INPUT`. [`Lent`] like `INPUT`.
    static WORDS: Lent<f64> = const { Lent::new() };

    /// The last report `validateInput`, `validateInputPlain`,
    /// `validateInputStored`, `validateWalked` or `validateUtf8` wrote, for
    /// the wrapper to read (see [`write_record`]).
    static RECORD: Cell<Record> = const { Cell::new(Record::new()) };
}

/// A buffer in wasm memory that the wrapper writes a request into (`INPUT`,
/// `WORDS`), lent to the core for one call.
///
/// A leaked slice in a `Cell`, not a `RefCell<Vec<_>>`: reading it takes no
/// borrow, so a JS exception that unwinds through the core while it reads
/// (the JS stack running out inside it, say) leaves no borrow behind to
/// refuse every later call. A buffer is never freed, so even a reader that
/// never returns cannot see it disappear; it only grows, by the wrapper's
/// doubling up to its limit, so the buffers given up on the way add up to
/// less than that limit.
///
/// Leaked, but never lent as `'static`: [`Lent::lend`] borrows it for as
/// long as the thread-local is borrowed, inside its `with`, so the compiler
/// keeps the request's text out of anything `'static`. In this build every
/// `&'static str` is then the module's own data, which a report's record
/// writes by its number in the record's table
/// ([`crate::report_record::Tag::Fixed`]) for the JS side to cache: a diagnostic's params value (`Value<'static>`) can never be the
/// request's text, which the next call rewrites.
struct Lent<T: 'static>(Cell<&'static [T]>);

impl<T: Clone + 'static> Lent<T> {
    const fn new() -> Self {
        Lent(Cell::new(&[]))
    }

    /// The buffer, for as long as `self` is borrowed.
    fn lend(&self) -> &[T] {
        self.0.get()
    }

    /// Makes the buffer at least `length` items long (`fill` each, exactly
    /// `length`: the wrapper bounds it, and wasm memory never shrinks), and
    /// returns its address in wasm memory.
    fn grow(&self, length: usize, fill: T) -> usize {
        if self.0.get().len() < length {
            self.0.set(vec![fill; length].leak());
        }
        self.0.get().as_ptr() as usize
    }
}

/// Reads `options` (as `validate` does, with the same TypeError) and keeps
/// them for `validateInputStored`.
#[wasm_bindgen(js_name = storeOptions)]
pub fn store_options(options: JsValue) -> Result<(), JsValue> {
    keep(read_options("validate", &options)?)
}

/// Keeps options read by `storeOptions` (or, in the bench-only variant, by serde-wasm-bindgen).
fn keep(options: CallOptions) -> Result<(), JsValue> {
    STORED.with(|stored| stored.set(Some(Rc::new(options))));
    Ok(())
}

/// The options `storeOptions` kept (a clone of the `Rc`; see `STORED`).
fn stored_options() -> Option<Rc<CallOptions>> {
    STORED.with(|stored| {
        let current = stored.take();
        stored.set(current.clone());
        current
    })
}

/// `validateInput` with the options last stored by `storeOptions` (none before the first).
#[wasm_bindgen(js_name = validateInputStored)]
pub fn validate_input_stored(length: usize) -> Result<usize, JsValue> {
    validate_input_with(
        length,
        &stored_options().unwrap_or_default(),
        "validateInputStored: length beyond the input buffer",
    )
}

/// `validateUtf8` with `options` on the first `length` bytes of the input
/// buffer, for `validateInput` and `validateInputStored`; throws `beyond`
/// (a message naming the function) if `length` is beyond the buffer.
fn validate_input_with(
    length: usize,
    options: &CallOptions,
    beyond: &str,
) -> Result<usize, JsValue> {
    INPUT.with(|input| {
        let bytes = input
            .lend()
            .get(..length)
            .ok_or_else(|| JsError::new(beyond))?;
        Ok(validate_bytes(bytes, options))
    })
}

/// Makes the input buffer at least `capacity` bytes long and returns its
/// address in wasm memory, where the wrapper encodes the next request.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(capacity: usize) -> usize {
    INPUT.with(|input| input.grow(capacity, 0))
}

/// `validateUtf8` on the first `length` bytes of the input buffer. Throws
/// if `length` is beyond the buffer (a wrapper bug), or a TypeError for
/// malformed `options`.
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(length: usize, options: JsValue) -> Result<usize, JsValue> {
    // Read first: reading runs the caller's code (toJSON, getters).
    let options = read_options("validate", &options)?;
    validate_input_with(
        length,
        &options,
        "validateInput: length beyond the input buffer",
    )
}

/// `validateInput` for a call without options, the usual one: nothing to
/// read from JS, and nothing to throw, so the result crosses the boundary as
/// one number. A `length` beyond the input buffer (a wrapper bug) returns
/// [`BEYOND_THE_BUFFER`], never an address, for the wrapper to throw.
#[wasm_bindgen(js_name = validateInputPlain)]
pub fn validate_input_plain(length: usize) -> usize {
    INPUT.with(|input| {
        input
            .lend()
            .get(..length)
            .map_or(BEYOND_THE_BUFFER, |bytes| {
                validate_bytes(bytes, &CallOptions::default())
            })
    })
}

/// What `validateInputPlain` and `validateWalked` return for a length beyond their buffers.
const BEYOND_THE_BUFFER: usize = usize::MAX;

/// Makes the walker's words at least `count` long and returns their address
/// in wasm memory (see `WORDS`).
#[wasm_bindgen(js_name = walkWords)]
pub fn walk_words(count: usize) -> usize {
    WORDS.with(|words| words.grow(count, 0.0))
}

/// Validates the request the walker wrote: the first `count` words and the
/// first `bytes` bytes of the input buffer, or of `copy` when given (strings
/// longer than the input buffer's limit), which are its strings, `units`
/// UTF-16 units in JavaScript; with the options `storeOptions` kept when
/// `stored`, else none (the wrapper stores any options first); at `now`
/// (`Date.now()`, read by the wrapper for a cron expression: NaN when it
/// threw or gave no number, which is no clock), or, when `now` is
/// undefined, with the JS clock read here if a rule needs it. Returns what
/// `validateInput` does, or 1 for words the walker never writes (a wrapper
/// bug; see [`crate::walked`]), or [`BEYOND_THE_BUFFER`] if `count` or
/// `bytes` are beyond the buffers (a wrapper bug, for it to throw). Nothing
/// to read from JS and nothing to throw, so the result crosses the boundary
/// as one number, as `validateInputPlain`'s does.
#[wasm_bindgen(js_name = validateWalked)]
pub fn validate_walked(
    count: usize,
    bytes: usize,
    units: usize,
    stored: bool,
    copy: Option<Box<[u8]>>,
    now: Option<f64>,
) -> usize {
    let kept = if stored { stored_options() } else { None };
    let none = CallOptions::default();
    let options = kept.as_deref().unwrap_or(&none);
    WORDS.with(|words| {
        INPUT.with(|input| {
            let Some(words) = words.lend().get(..count) else {
                return BEYOND_THE_BUFFER;
            };
            let input = match &copy {
                Some(copy) => copy.get(..bytes),
                None => input.lend().get(..bytes),
            };
            let Some(input) = input else {
                return BEYOND_THE_BUFFER;
            };
            // The wrapper's TextEncoder writes valid UTF-8; anything else is not clean.
            let Ok(strings) = std::str::from_utf8(input) else {
                return 1;
            };
            let clock = match now {
                Some(millis) => Context {
                    now_unix: unix_seconds(millis),
                    ..Context::default()
                },
                None => clock_context(),
            };
            let context = options.context(clock);
            match crate::walked::validate_walked(words, strings, units, &context) {
                None => 1,
                Some(report) if report.diagnostics.is_empty() => 0,
                Some(report) => write_record(&report),
            }
        })
    })
}

/// The instance's memory, for the wrapper's view of the input buffer.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

#[wasm_bindgen]
extern "C" {
    /// `Date.now()`, called so that an exception from a replaced one comes back
    /// as an error instead of unwinding through the core. Its result stays a
    /// JS value: converting a replaced one's Symbol to a number would throw
    /// at the boundary, outside the `catch`. Read live on purpose (the glue
    /// takes the other globals it calls at load, scripts/build.sh): fake
    /// timers a test installs after loading the package replace it, and
    /// expect the package to read their clock.
    #[wasm_bindgen(catch, js_namespace = Date, js_name = now)]
    fn date_now() -> Result<JsValue, JsValue>;

    /// `Date.prototype.getTime.call(value)`: the time of a real `Date` (of any
    /// realm); an error, caught here, for anything else, such as a Proxy of a
    /// Date or `Object.create(Date.prototype)`, which pass `instanceof Date`.
    #[wasm_bindgen(catch, js_namespace = ["Date", "prototype", "getTime"], js_name = call)]
    fn date_get_time(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// Milliseconds outside this range are not a JS `Date` (ECMAScript's time value limit).
const MAX_TIME_MILLIS: f64 = 8.64e15;

/// The JS clock in unix seconds, or `None` when `Date.now` throws or is not a time.
fn now_unix() -> Option<i64> {
    unix_seconds(date_now().ok()?.as_f64()?)
}

/// Milliseconds since 1970 in unix seconds, or `None` when they are not a
/// time (NaN, or beyond a JS `Date`'s range).
fn unix_seconds(millis: f64) -> Option<i64> {
    (millis.abs() <= MAX_TIME_MILLIS).then(|| (millis / 1000.0).floor() as i64)
}

/// A context that reads the JS clock only if a schedule rule asks for the time.
fn clock_context() -> Context<'static> {
    Context {
        now_unix: None,
        clock: Some(now_unix),
        ..Context::default()
    }
}

/// A copy of the request with every omitted default filled in, for the
/// locations `options` describes (CreateTask only: the request of another
/// operation comes back unchanged). Throws a TypeError when the request is
/// not an object (or JSON text of one; for one `JSON.stringify` cannot
/// write, with what it threw as the `cause`: see [`caused`]), or the
/// options are malformed, and
/// passes on what `JSON.parse` throws handing back the copy (see
/// `json_to_js`).
#[wasm_bindgen(js_name = applyDefaults)]
pub fn apply_defaults(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let type_error = |why: String| -> JsValue {
        js::TypeError::new(&format!("applyDefaults: {why}"), &JsValue::UNDEFINED).into()
    };
    let options = read_options("applyDefaults", &options)?;
    let text = request_text(&request, options.operation).map_err(|(report, thrown)| {
        let why = report
            .diagnostics
            .first()
            .map(|d| d.message.to_string())
            .unwrap_or_default();
        match thrown {
            Some(thrown) => caused(&format!("applyDefaults: {why}"), &thrown),
            None => type_error(why),
        }
    })?;
    let parsed = json::parse(&text)
        .map_err(|error| type_error(crate::parse_failure(&error, options.operation).1))?;
    crate::fill_defaults_with(&parsed.value, &options.context(Context::default()))
        .ok_or_else(|| {
            type_error(format!(
                "the request must be an object, but it is {}.",
                parsed.value.type_name()
            ))
        })
        .and_then(|filled| to_js_exact(&filled))
}

/// Metadata for every member of the operation's request, for forms.
/// Throws a TypeError when the options are malformed, and passes on what
/// `JSON.parse` throws handing back the metadata (see `json_to_js`).
#[wasm_bindgen(js_name = fields)]
pub fn fields(options: JsValue) -> Result<JsValue, JsValue> {
    let operation = read_options("fields", &options)?.operation;
    to_js(&Value::Array(
        crate::fields_of(operation)
            .iter()
            .map(|f| f.to_json())
            .collect(),
    ))
}

/// The package version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

/// The parsed `describeSchedule` options.
#[derive(Default)]
struct ScheduleOptions {
    from: Option<Instant>,
    count: Option<f64>,
}

/// `options.from`: a `Date` or milliseconds since the epoch, or ISO 8601 text.
enum Instant {
    Millis(f64),
    Text(String),
}

/// Diagnostics, summary and next run times of a schedule expression.
/// Throws a TypeError for malformed options (`from` not a date, `count` not
/// 0-100), and a RangeError that reading them threw (the stack ran out) as
/// it is, and what `JSON.parse` throws handing back the description (see
/// `json_to_js`).
#[wasm_bindgen(js_name = describeSchedule)]
pub fn describe_schedule(expression: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let type_error = |why: &str| -> JsValue {
        js::TypeError::new(&format!("describeSchedule: {why}"), &JsValue::UNDEFINED).into()
    };
    let options = read_schedule_options(&options).map_err(|why| match why {
        Unreadable::Malformed(why) => type_error(&why),
        Unreadable::Thrown(range_error) => range_error,
    })?;
    let from_unix = match options.from {
        None => now_unix()
            .ok_or_else(|| type_error("Date.now() did not give the time; pass options.from."))?,
        Some(Instant::Millis(ms)) if ms.abs() <= MAX_TIME_MILLIS => (ms / 1000.0).floor() as i64,
        Some(Instant::Millis(_)) => {
            return Err(type_error(
                "options.from is not a valid time (a JS Date lies within 8.64e15 milliseconds of 1970).",
            ))
        }
        Some(Instant::Text(text)) => crate::schedule::parse_instant(&text).ok_or_else(|| {
            type_error("options.from must be an ISO 8601 time such as 2026-11-25T08:00:00Z, within the range of a JS Date (8.64e15 milliseconds of 1970).")
        })?,
    };
    let count = match options.count {
        None => DEFAULT_RUNS,
        Some(n) if n.fract() == 0.0 && (0.0..=crate::schedule::MAX_RUNS as f64).contains(&n) => {
            n as usize
        }
        Some(_) => {
            return Err(type_error(
                "options.count must be an integer from 0 to 100.",
            ))
        }
    };
    let description = match expression.as_string() {
        Some(text) => crate::describe_schedule(&text, from_unix, count),
        None => crate::schedule_not_a_string(),
    };
    json_to_js(&crate::description_to_json_text(&description))
}

/// Why `describeSchedule`'s options were not read.
enum Unreadable {
    /// What is wrong with them, for a TypeError.
    Malformed(String),
    /// The RangeError reading a member threw: with the JS stack nearly full,
    /// reading a plain member can run out of it, which is no fault of the
    /// options (a getter's own RangeError is thrown as it is too).
    Thrown(JsValue),
}

impl From<String> for Unreadable {
    fn from(why: String) -> Self {
        Unreadable::Malformed(why)
    }
}

fn read_schedule_options(options: &JsValue) -> Result<ScheduleOptions, Unreadable> {
    if options.is_undefined() || options.is_null() {
        return Ok(ScheduleOptions::default());
    }
    if !options.is_object() || options.is_array() {
        let array = if options.is_array() {
            ", but it is an array"
        } else {
            ""
        };
        return Err(format!("options must be an object such as {{ from, count }}{array}.").into());
    }
    // Reflect.get catches throwing getters, so a hostile object is a TypeError, not a trap.
    let member = |name: &str| {
        js::reflect_get(options, &JsValue::from_str(name)).map_err(|thrown| {
            if thrown.is_instance_of::<js::RangeError>() {
                Unreadable::Thrown(thrown)
            } else {
                Unreadable::Malformed(format!("reading options.{name} threw."))
            }
        })
    };
    let absent = |value: &JsValue| value.is_undefined() || value.is_null();
    let from = member("from")?;
    let from = if absent(&from) {
        None
    } else if from.is_instance_of::<Date>() {
        // Read through a caught call: a Proxy of a Date passes instanceof and
        // then throws from getTime(), which must not unwind through wasm.
        let millis = date_get_time(&from)
            .ok()
            .and_then(|time| time.as_f64())
            .ok_or_else(|| {
                "options.from is not a real Date (a Proxy or a Date.prototype look-alike)."
                    .to_owned()
            })?;
        Some(Instant::Millis(millis))
    } else if let Some(millis) = from.as_f64() {
        Some(Instant::Millis(millis))
    } else if from.is_bigint() {
        // Beyond i64 the conversion fails; within it, the range check above applies.
        let millis = i64::try_from(from).unwrap_or(i64::MAX);
        Some(Instant::Millis(millis as f64))
    } else if let Some(text) = from.as_string() {
        Some(Instant::Text(text))
    } else if let Some(millis) = date_get_time(&from).ok().and_then(|time| time.as_f64()) {
        // A Date of another realm (an iframe, a vm context) fails instanceof.
        Some(Instant::Millis(millis))
    } else {
        return Err(
            "options.from must be a Date, milliseconds since 1970 or an ISO 8601 string."
                .to_owned()
                .into(),
        );
    };
    let count = member("count")?;
    let count = if absent(&count) {
        None
    } else {
        Some(
            count
                .as_f64()
                .ok_or_else(|| "options.count must be a number.".to_owned())?,
        )
    };
    Ok(ScheduleOptions { from, count })
}
