// Near miss of 43: the C++ function only reads the struct Rust lends as &Stats.
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
