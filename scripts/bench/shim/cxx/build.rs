// Benchmark (c): compiles the bridge and scale.cc (with CXX/CXXFLAGS from the bench script).
fn main() {
    cxx_build::bridge("src/main.rs").file("src/scale.cc").std("c++17").compile("bench-cxx");
    println!("cargo:rerun-if-changed=src/scale.cc");
    println!("cargo:rerun-if-changed=include/scale.h");
}
