//! Times `hcl_reader::read` on generated Terraform: one `locals` object of
//! N keys, and a list of N items for comparison. Prints figures; asserts
//! nothing. `cargo run --release --example read_time -- 20000 40000`
use std::time::Instant;

fn object(keys: usize) -> String {
    let items: Vec<String> = (0..keys).map(|i| format!("k{i} = \"v{i}\"")).collect();
    format!("locals {{\n  big = {{ {} }}\n}}\n", items.join(", "))
}

fn list(items: usize) -> String {
    let items: Vec<String> = (0..items).map(|i| format!("\"v{i}\"")).collect();
    format!("locals {{\n  big = [ {} ]\n}}\n", items.join(", "))
}

fn main() {
    for arg in std::env::args().skip(1) {
        let n: usize = arg.parse().expect("a count");
        for (shape, text) in [("object", object(n)), ("list", list(n))] {
            let start = Instant::now();
            let out = hcl_reader::read(&text);
            println!(
                "{shape} of {n}: {} bytes in, {} out, ok={}, {:.3} s",
                text.len(),
                out.len(),
                out.starts_with("{\"ok\":true"),
                start.elapsed().as_secs_f64()
            );
        }
    }
}
