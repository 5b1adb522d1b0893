// A Vec allocated on every turn of a loop (never when its size is zero: then it holds Rust's
// dangling address), lent to C and dropped at the end of the turn.
extern "C" {
    fn bound(n: usize) -> usize;
    fn compress(src: *const u8, n: usize, dst: *mut u8, cap: usize) -> usize;
}

#[no_mangle]
pub extern "C" fn run(data: *const u8, n: usize, rounds: usize) -> usize {
    let mut total = 0;
    for _ in 0..rounds {
        let mut out = vec![0u8; unsafe { bound(n) }];
        let k = unsafe { compress(data, n, out.as_mut_ptr(), out.len()) };
        total += k + out[..k].iter().map(|&b| b as usize).sum::<usize>();
        // BUG: the buffer handed to C after the Vec is dropped.
        #[cfg(bug)]
        {
            let p = out.as_mut_ptr();
            drop(out);
            total += unsafe { compress(data, n, p, k) };
        }
    }
    total
}
