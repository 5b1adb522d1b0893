// zlib (libz-sys `static` builds its C) through flate2's zlib backend and through raw libz-sys:
// a z_stream whose zalloc/zfree are Rust callbacks with an opaque pointer to Rust state,
// deflateInit2_/inflateInit2_ with the version string and struct size, next_in/next_out
// buffers kept by the stream across calls, a preset dictionary, crc32/adler32,
// compress2/uncompress with out-param lengths, deflateBound.
use flate2::read::{GzDecoder, ZlibDecoder};
use flate2::write::{GzEncoder, ZlibEncoder};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress};
use libz_sys as z;
use std::ffi::{c_int, c_uint, c_void, CStr};
use std::io::{Read, Write};
use std::mem::MaybeUninit;

struct Stats {
    allocs: usize,
    frees: usize,
    bytes: usize,
}

extern "C" fn zalloc(opaque: z::voidpf, items: z::uInt, size: z::uInt) -> z::voidpf {
    let st = unsafe { &mut *(opaque as *mut Stats) };
    st.allocs += 1;
    let n = items as usize * size as usize;
    st.bytes += n;
    unsafe { libc::calloc(items as usize, size as usize) }
}

extern "C" fn zfree(opaque: z::voidpf, p: z::voidpf) {
    let st = unsafe { &mut *(opaque as *mut Stats) };
    st.frees += 1;
    unsafe { libc::free(p) }
}

fn new_stream(stats: &mut Stats) -> z::z_stream {
    z::z_stream {
        next_in: std::ptr::null_mut(),
        avail_in: 0,
        total_in: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: std::ptr::null_mut(),
        state: std::ptr::null_mut(),
        zalloc,
        zfree,
        opaque: stats as *mut Stats as *mut c_void,
        data_type: 0,
        adler: 0,
        reserved: 0,
    }
}

const DICT: &[u8] = b"the quick brown fox jumps over the lazy dog zlib stream dictionary";

fn raw_stream(input: &[u8]) -> Vec<u8> {
    let mut stats = Stats { allocs: 0, frees: 0, bytes: 0 };
    let mut out = Vec::new();
    unsafe {
        let mut strm = new_stream(&mut stats);
        let rc = z::deflateInit2_(&mut strm, 6, z::Z_DEFLATED, 15, 8, z::Z_DEFAULT_STRATEGY, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as c_int);
        assert_eq!(rc, z::Z_OK);
        assert_eq!(z::deflateSetDictionary(&mut strm, DICT.as_ptr(), DICT.len() as c_uint), z::Z_OK);
        let bound = z::deflateBound(&mut strm, input.len() as z::uLong) as usize;
        let mut buf = [0u8; 512];
        for (i, chunk) in input.chunks(700).enumerate() {
            strm.next_in = chunk.as_ptr() as *mut u8;
            strm.avail_in = chunk.len() as c_uint;
            let last = (i + 1) * 700 >= input.len();
            loop {
                strm.next_out = buf.as_mut_ptr();
                strm.avail_out = buf.len() as c_uint;
                let rc = z::deflate(&mut strm, if last { z::Z_FINISH } else { z::Z_NO_FLUSH });
                assert!(rc == z::Z_OK || rc == z::Z_STREAM_END || rc == z::Z_BUF_ERROR, "deflate {rc}");
                out.extend_from_slice(&buf[..buf.len() - strm.avail_out as usize]);
                if strm.avail_out != 0 || rc == z::Z_STREAM_END {
                    break;
                }
            }
        }
        assert!(strm.total_in as usize >= input.len()); // deflateSetDictionary counts the dictionary too
        assert!(out.len() <= bound);
        assert_eq!(z::deflateEnd(&mut strm), z::Z_OK);

        let mut strm = new_stream(&mut stats);
        let rc = z::inflateInit2_(&mut strm, 15, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as c_int);
        assert_eq!(rc, z::Z_OK);
        let mut back = vec![0u8; input.len()];
        strm.next_in = out.as_ptr() as *mut u8;
        strm.avail_in = out.len() as c_uint;
        strm.next_out = back.as_mut_ptr();
        strm.avail_out = back.len() as c_uint;
        let mut rc = z::inflate(&mut strm, z::Z_NO_FLUSH);
        if rc == z::Z_NEED_DICT {
            assert_eq!(z::inflateSetDictionary(&mut strm, DICT.as_ptr(), DICT.len() as c_uint), z::Z_OK);
            rc = z::inflate(&mut strm, z::Z_FINISH);
        }
        assert_eq!(rc, z::Z_STREAM_END, "inflate: {:?}", if strm.msg.is_null() { None } else { Some(CStr::from_ptr(strm.msg)) });
        assert_eq!(strm.total_out as usize, input.len());
        assert_eq!(z::inflateEnd(&mut strm), z::Z_OK);
        assert_eq!(back, input);
    }
    assert!(stats.allocs > 0 && stats.allocs == stats.frees, "allocs {} frees {}", stats.allocs, stats.frees);
    println!("raw stream: {} -> {} bytes, {} allocations ({} bytes)", input.len(), out.len(), stats.allocs, stats.bytes);
    out
}

fn one_shot(input: &[u8]) {
    unsafe {
        let mut len: z::uLongf = z::compressBound(input.len() as z::uLong);
        let mut packed = vec![0u8; len as usize];
        assert_eq!(z::compress2(packed.as_mut_ptr(), &mut len, input.as_ptr(), input.len() as z::uLong, 9), z::Z_OK);
        packed.truncate(len as usize);
        let mut back = vec![0u8; input.len()];
        let mut blen: z::uLongf = back.len() as z::uLongf;
        assert_eq!(z::uncompress(back.as_mut_ptr(), &mut blen, packed.as_ptr(), packed.len() as z::uLong), z::Z_OK);
        assert_eq!(blen as usize, input.len());
        assert_eq!(back, input);
        let crc = z::crc32(z::crc32(0, std::ptr::null(), 0), input.as_ptr(), input.len() as c_uint);
        let mut h = flate2::Crc::new();
        h.update(input);
        assert_eq!(crc as u32, h.sum());
        let a = z::adler32(1, input.as_ptr(), input.len() as c_uint);
        assert_ne!(a, 1);
        let mut uninit = MaybeUninit::<[u8; 4]>::uninit();
        std::ptr::copy_nonoverlapping(input.as_ptr(), uninit.as_mut_ptr() as *mut u8, 4);
        assert_eq!(&uninit.assume_init(), &input[..4]);
        println!("one shot: {} -> {} bytes, crc {crc:08x}", input.len(), packed.len());
    }
}

fn flate2_api(input: &[u8]) {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(input).unwrap();
    let gz = e.finish().unwrap();
    let mut d = GzDecoder::new(&gz[..]);
    let mut back = Vec::new();
    d.read_to_end(&mut back).unwrap();
    assert_eq!(back, input);

    let mut e = ZlibEncoder::new(Vec::new(), Compression::fast());
    e.write_all(input).unwrap();
    let zl = e.finish().unwrap();
    let mut back = Vec::new();
    ZlibDecoder::new(&zl[..]).read_to_end(&mut back).unwrap();
    assert_eq!(back, input);

    let mut c = Compress::new(Compression::default(), false);
    let mut raw = Vec::with_capacity(input.len() + 64);
    c.compress_vec(input, &mut raw, FlushCompress::Finish).unwrap();
    let mut d = Decompress::new(false);
    let mut back = Vec::with_capacity(input.len());
    d.decompress_vec(&raw, &mut back, FlushDecompress::Finish).unwrap();
    assert_eq!(back, input);
    println!("flate2: gzip {} zlib {} raw {}", gz.len(), zl.len(), raw.len());
}

fn main() {
    let input: Vec<u8> = (0..20000).map(|i| format!("line {} of the quick brown fox\n", i % 97)).collect::<String>().into_bytes();
    raw_stream(&input);
    one_shot(&input);
    flate2_api(&input);
    println!("zlib {}", unsafe { CStr::from_ptr(z::zlibVersion()) }.to_string_lossy());
}
