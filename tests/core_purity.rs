//! The card core stays pure Rust: no browser crate may be named anywhere under `src/core`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const BROWSER_CRATES: [&str; 5] = ["wasm_bindgen", "web_sys", "js_sys", "gloo", "JsValue"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/core is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_names_no_browser_crate() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() >= 10, "expected the core modules under {core:?}, found {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for (i, line) in text.lines().enumerate() {
            for name in BROWSER_CRATES {
                assert!(
                    !line.contains(name),
                    "{}:{}: the pure core must not use `{name}`",
                    file.display(),
                    i + 1
                );
            }
        }
    }
}
