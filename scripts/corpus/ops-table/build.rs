fn main() {
    cc::Build::new().file("csrc/pipeline.c").include("csrc").std("c11").compile("pipeline");
    println!("cargo:rerun-if-changed=csrc/pipeline.c");
    println!("cargo:rerun-if-changed=csrc/pipeline.h");
}
