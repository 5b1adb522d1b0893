// Pattern: a hand-written import with the wrong integer width -- zlib's crc32 takes `uInt len`
// (u32) while crc32_z takes z_size_t; declaring one with the other's type (libz-sys / bindgen
// drift bugs; same for `long` vs `int` on LP64).
extern "C" {
    fn chk_crc32(crc: u64, buf: *const u8, len: u32) -> u64;
}

#[no_mangle]
pub extern "C" fn rs_checksum(data: *const u8, n: usize) -> u64 {
    unsafe { chk_crc32(0, data, n as u32) }
}
