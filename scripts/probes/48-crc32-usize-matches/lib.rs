// Near miss of 47: the import says usize for size_t and u64 for unsigned long (LP64).
extern "C" {
    fn chk_crc32(crc: u64, buf: *const u8, len: usize) -> u64;
}

#[no_mangle]
pub extern "C" fn rs_checksum(data: *const u8, n: usize) -> u64 {
    unsafe { chk_crc32(0, data, n) }
}
