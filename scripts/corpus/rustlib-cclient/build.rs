// Compiles the C client (src/client.c) to full-LTO bitcode with clang-22 and archives it with
// llvm-ar-22, without the cc crate, at the optimization level Cargo asks for.
use std::env;
use std::path::PathBuf;
use std::process::Command;

fn run(cmd: &mut Command) {
    let status = cmd.status().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(status.success(), "{cmd:?} failed");
}

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let opt = format!("-O{}", env::var("OPT_LEVEL").unwrap_or_else(|_| "0".into()));
    let obj = out.join("client.o");
    run(Command::new("clang-22")
        .args(["--target=x86_64-unknown-linux-gnu", "-flto=full", &opt, "-g", "-std=c11", "-Wall", "-Werror", "-Iinclude", "-c"])
        .arg("src/client.c")
        .arg("-o")
        .arg(&obj));
    run(Command::new("llvm-ar-22").arg("rcs").arg(out.join("libclient.a")).arg(&obj));
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=client");
    println!("cargo:rerun-if-changed=src/client.c");
    println!("cargo:rerun-if-changed=include/kv.h");
}
