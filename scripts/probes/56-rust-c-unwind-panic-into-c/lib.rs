// Pattern: a Rust export marked extern "C-unwind" (so panics are not turned into aborts) that
// panics on bad input, called from C code compiled without -fexceptions: the unwind crosses C
// frames that have no unwind tables (the reason extern "C" aborts by default since 1.81).
#[no_mangle]
pub extern "C-unwind" fn ratio_checked(num: u32, den: u32) -> u32 {
    if den == 0 {
        panic!("ratio_checked: zero denominator");
    }
    num / den
}
