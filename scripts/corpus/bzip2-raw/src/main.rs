// libbzip2 (bzip2-sys `static` builds its C) through the bzip2 crate and through raw
// bzip2-sys: a bz_stream with bzalloc/bzfree Rust callbacks and an opaque pointer to Rust
// state, next_in/next_out buffers kept by the stream between calls, the one-shot buffer API
// with an in/out length parameter.
use bzip2::read::{BzDecoder, BzEncoder};
use bzip2::{Compress, Compression, Decompress, Status};
use bzip2_sys as bz;
use std::ffi::{c_char, c_int, c_uint, c_void};
use std::io::Read;

// The buffer-to-buffer API, which bzip2-sys does not declare.
extern "C" {
    fn BZ2_bzBuffToBuffCompress(dest: *mut c_char, dest_len: *mut c_uint, source: *mut c_char, source_len: c_uint, block_size_100k: c_int, verbosity: c_int, work_factor: c_int) -> c_int;
    fn BZ2_bzBuffToBuffDecompress(dest: *mut c_char, dest_len: *mut c_uint, source: *mut c_char, source_len: c_uint, small: c_int, verbosity: c_int) -> c_int;
}

struct Pool {
    live: usize,
    peak: usize,
}

extern "C" fn bz_alloc(opaque: *mut c_void, n: c_int, m: c_int) -> *mut c_void {
    let pool = unsafe { &mut *(opaque as *mut Pool) };
    pool.live += 1;
    pool.peak = pool.peak.max(pool.live);
    unsafe { libc::malloc(n as usize * m as usize) }
}

extern "C" fn bz_free(opaque: *mut c_void, p: *mut c_void) {
    let pool = unsafe { &mut *(opaque as *mut Pool) };
    if !p.is_null() {
        pool.live -= 1;
    }
    unsafe { libc::free(p) }
}

fn stream(pool: &mut Pool) -> bz::bz_stream {
    bz::bz_stream {
        next_in: std::ptr::null_mut(),
        avail_in: 0,
        total_in_lo32: 0,
        total_in_hi32: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out_lo32: 0,
        total_out_hi32: 0,
        state: std::ptr::null_mut(),
        bzalloc: Some(bz_alloc),
        bzfree: Some(bz_free),
        opaque: pool as *mut Pool as *mut c_void,
    }
}

fn raw(input: &[u8]) -> Vec<u8> {
    let mut pool = Pool { live: 0, peak: 0 };
    let mut out = Vec::new();
    unsafe {
        let mut s = stream(&mut pool);
        assert_eq!(bz::BZ2_bzCompressInit(&mut s, 5, 0, 30), bz::BZ_OK);
        s.next_in = input.as_ptr() as *mut c_char;
        s.avail_in = input.len() as c_uint;
        let mut buf = vec![0u8; 4096];
        loop {
            s.next_out = buf.as_mut_ptr() as *mut c_char;
            s.avail_out = buf.len() as c_uint;
            let rc = bz::BZ2_bzCompress(&mut s, bz::BZ_FINISH);
            assert!(rc == bz::BZ_FINISH_OK || rc == bz::BZ_STREAM_END, "compress {rc}");
            out.extend_from_slice(&buf[..buf.len() - s.avail_out as usize]);
            if rc == bz::BZ_STREAM_END {
                break;
            }
        }
        assert_eq!(bz::BZ2_bzCompressEnd(&mut s), bz::BZ_OK);

        let mut s = stream(&mut pool);
        assert_eq!(bz::BZ2_bzDecompressInit(&mut s, 0, 0), bz::BZ_OK);
        let mut back = vec![0u8; input.len()];
        s.next_in = out.as_ptr() as *mut c_char;
        s.avail_in = out.len() as c_uint;
        s.next_out = back.as_mut_ptr() as *mut c_char;
        s.avail_out = back.len() as c_uint;
        assert_eq!(bz::BZ2_bzDecompress(&mut s), bz::BZ_STREAM_END);
        assert_eq!(s.total_out_lo32 as usize, input.len());
        assert_eq!(bz::BZ2_bzDecompressEnd(&mut s), bz::BZ_OK);
        assert_eq!(back, input);

        // One-shot buffer API: destLen is in/out.
        let mut packed = vec![0u8; input.len() + input.len() / 100 + 600];
        let mut len = packed.len() as c_uint;
        assert_eq!(BZ2_bzBuffToBuffCompress(packed.as_mut_ptr() as *mut c_char, &mut len, input.as_ptr() as *mut c_char, input.len() as c_uint, 9, 0, 0), bz::BZ_OK);
        packed.truncate(len as usize);
        let mut back2 = vec![0u8; input.len()];
        let mut blen = back2.len() as c_uint;
        assert_eq!(BZ2_bzBuffToBuffDecompress(back2.as_mut_ptr() as *mut c_char, &mut blen, packed.as_mut_ptr() as *mut c_char, packed.len() as c_uint, 0, 0), bz::BZ_OK);
        assert_eq!(&back2[..blen as usize], input);
    }
    assert_eq!(pool.live, 0);
    println!("raw: {} -> {} bytes, peak {} blocks", input.len(), out.len(), pool.peak);
    out
}

fn crate_api(input: &[u8]) {
    let mut packed = Vec::new();
    BzEncoder::new(input, Compression::best()).read_to_end(&mut packed).unwrap();
    let mut back = Vec::new();
    BzDecoder::new(&packed[..]).read_to_end(&mut back).unwrap();
    assert_eq!(back, input);

    let mut c = Compress::new(Compression::fast(), 30);
    let mut out = Vec::with_capacity(input.len() + 1024);
    loop {
        let consumed = c.total_in() as usize;
        match c.compress_vec(&input[consumed..], &mut out, bzip2::Action::Finish).unwrap() {
            Status::StreamEnd => break,
            _ => out.reserve(4096),
        }
    }
    let mut d = Decompress::new(false);
    let mut back = Vec::with_capacity(input.len());
    assert_eq!(d.decompress_vec(&out, &mut back).unwrap(), Status::StreamEnd);
    assert_eq!(back, input);
    println!("bzip2 crate: {} and {} bytes", packed.len(), out.len());
}

fn main() {
    let input: Vec<u8> = (0..30000u32).flat_map(|i| format!("{} bottles\n", i % 113).into_bytes()).collect();
    raw(&input);
    crate_api(&input);
}
