// Near miss of 56: the export is plain extern "C": a panic aborts at the boundary instead of
// unwinding into C (defined behaviour since Rust 1.81).
#[no_mangle]
pub extern "C" fn ratio_checked(num: u32, den: u32) -> u32 {
    if den == 0 {
        panic!("ratio_checked: zero denominator");
    }
    num / den
}
