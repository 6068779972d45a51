//! Exports the module's shadow-stack pointer (the `__stack_pointer` global) from
//! the `.wasm`, for the JS wrappers: a JS exception (the JS stack running out)
//! that unwinds through the core skips the epilogues that restore it, and the
//! wrappers put it back (see `guardGlue` in js/text-path.mjs). Only the cdylib
//! for wasm32 is affected: native builds and test binaries link as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=--export=__stack_pointer");
    }
}
