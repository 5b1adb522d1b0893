// Pattern: a Rust import declares `&Stats` for a C++ function that updates the struct (a cache
// or counter "const in spirit"), e.g. bindgen output hand-edited from *mut to & -- LLVM may
// keep the fields cached across the call.
#[repr(C)]
pub struct Stats {
    pub hits: u64,
    pub misses: u64,
}

extern "C" {
    fn stats_ratio(s: &Stats) -> f64;
}

#[no_mangle]
pub extern "C" fn rs_ratio_twice() -> f64 {
    let s = Stats { hits: 3, misses: 1 };
    let a = unsafe { stats_ratio(&s) };
    let b = unsafe { stats_ratio(&s) };
    a + b + s.hits as f64
}
