// Benchmark (a): the Rust loop over the C++ one-liner `mix`.
extern "C" { fn mix(a: u64, b: u64) -> u64; }
#[no_mangle]
pub extern "C" fn rust_bench(n: u64) -> u64 {
    let mut s = 0u64;
    for i in 0..n { s = s.wrapping_add(unsafe { mix(i, 7) }); }
    s
}
