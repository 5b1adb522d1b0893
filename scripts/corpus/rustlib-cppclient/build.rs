fn main() {
    cc::Build::new()
        .cpp(true)
        .std("c++17")
        .include("include")
        .file("src/client.cpp")
        .compile("cppclient");
    println!("cargo:rerun-if-changed=src/client.cpp");
    println!("cargo:rerun-if-changed=include/tok.h");
}
