//! The few JavaScript built-ins the boundary calls, declared here rather than
//! taken from js-sys.
//!
//! Linking js-sys at all put every closure shim its bindings describe into
//! the `.wasm` (44 `invoke` functions and its JSPI task waker, about 5 KB raw),
//! although the package hands no closure to JavaScript: the linker keeps each
//! binding's describe function, and the function table keeps what those name
//! after wasm-bindgen has read them (docs/performance.md). These declarations
//! are the ones js-sys makes for the same calls, minus that weight. Every
//! call that runs the caller's code (a getter, a Proxy trap, `toJSON`) or
//! reads its text is `catch`, so an exception comes back as an `Err` instead
//! of unwinding through the core; `console.error` (the panic hook's, before a
//! trap) and the string and `TypeError` calls are not.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS string primitive (the type check is `typeof`, as js-sys's `JsString`).
    #[wasm_bindgen(is_type_of = JsValue::is_string, typescript_type = "string")]
    pub type JsString;

    /// `string.length`, in UTF-16 code units.
    #[wasm_bindgen(method, getter, structural)]
    pub fn length(this: &JsString) -> u32;

    /// `string.charCodeAt(index)`: the UTF-16 code unit at `index`.
    #[wasm_bindgen(method, js_class = "String", js_name = charCodeAt)]
    pub fn char_code_at(this: &JsString, index: u32) -> f64;

    /// A `Date` (an `instanceof` check only).
    pub type Date;

    /// `RangeError` (an `instanceof` check only).
    pub type RangeError;

    /// `TypeError`, the one exception the package's functions document.
    pub type TypeError;

    /// `new TypeError(message, options)`: `options` is `undefined`, or an
    /// object whose `cause` the error takes as its own property, not
    /// enumerable, as the engine defines it (no setter runs).
    #[wasm_bindgen(constructor)]
    pub fn new(message: &str, options: &JsValue) -> TypeError;

    /// `JSON.parse(text)`.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    /// `JSON.stringify(value)`: a string, or `undefined` for a value it does not write.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    pub fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `Reflect.get(target, key)`: throws for a target that is not an object,
    /// or when a getter or a Proxy trap throws.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// `Reflect.set(target, key, value)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    pub fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;

    /// `console.error(message)`, for the panic hook.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(message: &str);

    /// `BigInt(value)`: throws for text that is not an integer.
    #[wasm_bindgen(catch, js_name = BigInt)]
    pub fn big_int(value: &JsValue) -> Result<JsValue, JsValue>;
}

impl JsString {
    /// The string's UTF-16 code units, one `charCodeAt` call each.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (0..self.length()).map(move |index| self.char_code_at(index) as u16)
    }

    /// Whether the string holds no unpaired surrogate.
    pub fn is_valid_utf16(&self) -> bool {
        char::decode_utf16(self.iter()).all(|unit| unit.is_ok())
    }
}
