// Benchmark (c): a real #[cxx::bridge] (cxx from crates.io) called in a hot loop from a Rust
// function with drop cleanups.
#[cxx::bridge]
mod ffi {
    unsafe extern "C++" {
        include!("cxx-bench/include/scale.h");
        fn scale(x: u64) -> u64;
    }
}

#[inline(never)]
fn run(n: u64) -> u64 {
    let table: Vec<u64> = (0..64).collect();
    let mut s = 0u64;
    for i in 0..n {
        s = s.wrapping_add(ffi::scale(i)) ^ table[(i % 61) as usize];
    }
    s
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000_000);
    let t = std::time::Instant::now();
    let r = run(n);
    println!("{} {:.4}", r, t.elapsed().as_secs_f64());
}
