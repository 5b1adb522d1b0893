// libdeflate (libdeflate-sys builds its C) through libdeflater and raw libdeflate-sys:
// compressors/decompressors made with libdeflate_options (a table of Rust malloc/free callbacks
// passed by pointer), deflate/zlib/gzip with *_ex out-params for consumed and produced sizes,
// concatenated gzip members, crc32/adler32 against the crate's wrappers.
use libdeflate_sys as d;
use libdeflater::{CompressionLvl, Compressor, Decompressor};
use std::ffi::c_void;
use std::sync::atomic::{AtomicIsize, Ordering};

static LIVE: AtomicIsize = AtomicIsize::new(0);

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

unsafe extern "C" fn counting_malloc(n: usize) -> *mut c_void {
    LIVE.fetch_add(1, Ordering::Relaxed);
    malloc(n)
}

unsafe extern "C" fn counting_free(p: *mut c_void) {
    if !p.is_null() {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
    free(p)
}

fn raw(input: &[u8]) {
    let opts = d::libdeflate_options { sizeof_options: std::mem::size_of::<d::libdeflate_options>(), malloc_func: Some(counting_malloc), free_func: Some(counting_free) };
    unsafe {
        let c = d::libdeflate_alloc_compressor_ex(9, &opts);
        let dc = d::libdeflate_alloc_decompressor_ex(&opts);
        assert!(!c.is_null() && !dc.is_null());
        assert_eq!(LIVE.load(Ordering::Relaxed), 2);
        // Two gzip members back to back.
        let bound = d::libdeflate_gzip_compress_bound(c, input.len());
        let mut gz = vec![0u8; 2 * bound];
        let n1 = d::libdeflate_gzip_compress(c, input.as_ptr() as *const c_void, input.len(), gz.as_mut_ptr() as *mut c_void, bound);
        assert!(n1 > 0);
        let n2 = d::libdeflate_gzip_compress(c, input.as_ptr() as *const c_void, input.len() / 2, gz.as_mut_ptr().add(n1) as *mut c_void, bound);
        assert!(n2 > 0);
        gz.truncate(n1 + n2);
        let mut out = vec![0u8; input.len()];
        let (mut used, mut made) = (0usize, 0usize);
        let rc = d::libdeflate_gzip_decompress_ex(dc, gz.as_ptr() as *const c_void, gz.len(), out.as_mut_ptr() as *mut c_void, out.len(), &mut used, &mut made);
        assert_eq!(rc, d::libdeflate_result_LIBDEFLATE_SUCCESS);
        assert_eq!((used, made), (n1, input.len()));
        assert_eq!(out, input);
        let rc = d::libdeflate_gzip_decompress_ex(dc, gz.as_ptr().add(used) as *const c_void, gz.len() - used, out.as_mut_ptr() as *mut c_void, out.len(), &mut used, &mut made);
        assert_eq!(rc, d::libdeflate_result_LIBDEFLATE_SUCCESS);
        assert_eq!(made, input.len() / 2);

        let zb = d::libdeflate_zlib_compress_bound(c, input.len());
        let mut z = vec![0u8; zb];
        let zn = d::libdeflate_zlib_compress(c, input.as_ptr() as *const c_void, input.len(), z.as_mut_ptr() as *mut c_void, zb);
        let mut small = vec![0u8; input.len() / 2];
        let rc = d::libdeflate_zlib_decompress(dc, z.as_ptr() as *const c_void, zn, small.as_mut_ptr() as *mut c_void, small.len(), std::ptr::null_mut());
        assert_eq!(rc, d::libdeflate_result_LIBDEFLATE_INSUFFICIENT_SPACE);
        let crc = d::libdeflate_crc32(0, input.as_ptr() as *const c_void, input.len());
        assert_eq!(crc, libdeflater::crc32(input));
        let a = d::libdeflate_adler32(1, input.as_ptr() as *const c_void, input.len());
        assert_eq!(a, libdeflater::adler32(input));
        d::libdeflate_free_compressor(c);
        d::libdeflate_free_decompressor(dc);
        println!("raw: gzip members {n1}+{n2}, zlib {zn}, crc {crc:08x}");
    }
    assert_eq!(LIVE.load(Ordering::Relaxed), 0);
}

fn crate_api(input: &[u8]) {
    for level in [CompressionLvl::fastest(), CompressionLvl::default(), CompressionLvl::best()] {
        let mut c = Compressor::new(level);
        let mut out = vec![0u8; c.deflate_compress_bound(input.len())];
        let n = c.deflate_compress(input, &mut out).unwrap();
        out.truncate(n);
        let mut dc = Decompressor::new();
        let mut back = vec![0u8; input.len()];
        assert_eq!(dc.deflate_decompress(&out, &mut back).unwrap(), input.len());
        assert_eq!(back, input);
        let mut z = vec![0u8; c.zlib_compress_bound(input.len())];
        let zn = c.zlib_compress(input, &mut z).unwrap();
        assert_eq!(dc.zlib_decompress(&z[..zn], &mut back).unwrap(), input.len());
        let mut g = vec![0u8; c.gzip_compress_bound(input.len())];
        let gn = c.gzip_compress(input, &mut g).unwrap();
        assert_eq!(dc.gzip_decompress(&g[..gn], &mut back).unwrap(), input.len());
        println!("libdeflater: deflate {n}, zlib {zn}, gzip {gn}");
    }
    let mut crc = libdeflater::Crc::new();
    crc.update(&input[..100]);
    crc.update(&input[100..]);
    assert_eq!(crc.sum(), libdeflater::crc32(input));
}

fn main() {
    let input: Vec<u8> = (0..25000u32).flat_map(|i| format!("{i} deflate {}\n", i % 59).into_bytes()).collect();
    raw(&input);
    crate_api(&input);
}
