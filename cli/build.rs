//! Embeds every file of the bundled generation folder(s) in `masters/` into the `santei` binary.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../masters");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for generation in std::fs::read_dir(&root).expect("masters/ exists") {
        let generation = generation.expect("readable masters/").path();
        if !generation.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", generation.display());
        for file in std::fs::read_dir(&generation).expect("readable generation folder") {
            let file = file.expect("readable generation folder").path();
            if file.is_file() {
                files.push(file);
            }
        }
    }
    files.sort();
    let mut code = String::from("/// The bundled official masters: (path under the master root, bytes).\npub const BUNDLED: &[(&str, &[u8])] = &[\n");
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .expect("under masters/")
            .to_string_lossy()
            .replace('\\', "/");
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            f.canonicalize().expect("file exists")
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled.rs");
    std::fs::write(out, code).expect("write bundled.rs");
}
