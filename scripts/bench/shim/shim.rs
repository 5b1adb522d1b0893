// Benchmark (b): a Rust loop with drop cleanups (rust_eh_personality) calling a cxx-style shim.
extern "C" {
    #[link_name = "cxxbridge1$scale"]
    fn scale(x: u64) -> u64;
}
#[no_mangle]
pub extern "C" fn rust_bench(n: u64) -> u64 {
    let table: Vec<u64> = (0..64).collect(); // dropped on unwind: this function has cleanups
    let mut s = 0u64;
    for i in 0..n {
        s = s.wrapping_add(unsafe { scale(i) }) ^ table[(i % 61) as usize];
    }
    s
}
