fn main() {
    cxx_build::bridge("src/main.rs")
        .file("src/store.cc")
        .std("c++17")
        .compile("cxx-bridge-store");
    println!("cargo:rerun-if-changed=src/main.rs");
    println!("cargo:rerun-if-changed=src/store.cc");
    println!("cargo:rerun-if-changed=include/store.h");
}
