fn main() {
    cc::Build::new().cpp(true).std("c++17").file("cpp/bus.cpp").include("cpp").compile("bus");
    println!("cargo:rerun-if-changed=cpp/bus.cpp");
    println!("cargo:rerun-if-changed=cpp/bus.h");
}
