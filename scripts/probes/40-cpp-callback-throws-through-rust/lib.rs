// Pattern: a Rust library that takes a C callback (`extern "C" fn` pointer) called from C++
// with a throwing lambda-trampoline: the C++ exception unwinds into Rust frames through a
// nounwind call (visitors/iterators like rocksdb/leveldb comparators or sqlite callbacks).
type Visit = unsafe extern "C" fn(ctx: *mut u8, key: u32) -> i32;

#[no_mangle]
pub unsafe extern "C" fn index_for_each(n: u32, cb: Visit, ctx: *mut u8) -> i32 {
    let mut total = 0;
    for k in 0..n {
        total += cb(ctx, k);
    }
    total
}
