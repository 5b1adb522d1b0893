// Compiles src/ffi.cpp to full-LTO bitcode and archives it, so that the linker merges it with
// the Rust crate graph into one module (no cc crate: the example has no dependencies).
// CXX_LTO=thin makes it ThinLTO bitcode instead, for a ThinLTO build with facts-dir=.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn run(cmd: &mut Command) {
    let status = cmd.status().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(status.success(), "{cmd:?} failed");
}

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let obj = out.join("ffi.o");
    let lto = format!("-flto={}", env::var("CXX_LTO").unwrap_or_else(|_| "full".into()));
    run(Command::new("clang++-22")
        .args(["--target=x86_64-unknown-linux-gnu", &lto, "-O2", "-g", "-c"])
        .arg("src/ffi.cpp")
        .arg("-o")
        .arg(&obj));
    run(Command::new("llvm-ar-22").arg("rcs").arg(out.join("libffi.a")).arg(&obj));
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=ffi");
    println!("cargo:rustc-link-lib=stdc++");
    println!("cargo:rerun-if-changed=src/ffi.cpp");
    println!("cargo:rerun-if-env-changed=CXX_LTO");
}
