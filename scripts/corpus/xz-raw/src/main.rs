// liblzma (lzma-sys `static` builds its C) through xz2 and through raw lzma-sys: an
// lzma_allocator table of Rust alloc/free callbacks kept by the stream, a filter chain
// (lzma_filter array pointing at an lzma_options_lzma filled by lzma_lzma_preset, with a
// preset dictionary buffer the encoder keeps), buffer APIs with in/out position parameters.
use lzma_sys as l;
use std::ffi::c_void;
use std::io::{Read, Write};
use xz2::read::XzDecoder;
use xz2::stream::{Action, Check, Status, Stream};
use xz2::write::XzEncoder;

struct Counter {
    live: isize,
    total: usize,
}

extern "C" fn xz_alloc(opaque: *mut c_void, nmemb: usize, size: usize) -> *mut c_void {
    let c = unsafe { &mut *(opaque as *mut Counter) };
    c.live += 1;
    c.total += nmemb * size;
    unsafe { libc::malloc(nmemb * size) }
}

extern "C" fn xz_free(opaque: *mut c_void, p: *mut c_void) {
    let c = unsafe { &mut *(opaque as *mut Counter) };
    if !p.is_null() {
        c.live -= 1;
    }
    unsafe { libc::free(p) }
}

fn run(strm: &mut l::lzma_stream, input: &[u8], out: &mut Vec<u8>) {
    let mut buf = [0u8; 8192];
    strm.next_in = input.as_ptr();
    strm.avail_in = input.len();
    loop {
        strm.next_out = buf.as_mut_ptr();
        strm.avail_out = buf.len();
        let rc = unsafe { l::lzma_code(strm, l::LZMA_FINISH) };
        out.extend_from_slice(&buf[..buf.len() - strm.avail_out]);
        if rc == l::LZMA_STREAM_END {
            break;
        }
        assert_eq!(rc, l::LZMA_OK);
    }
}

fn raw(input: &[u8]) {
    let mut counter = Counter { live: 0, total: 0 };
    let allocator = l::lzma_allocator { alloc: Some(xz_alloc), free: Some(xz_free), opaque: &mut counter as *mut Counter as *mut c_void };
    let dict: Vec<u8> = b"raw lzma1 preset dictionary: sample row ".repeat(8);
    unsafe {
        // .xz stream with the easy preset and our allocator.
        let mut strm: l::lzma_stream = std::mem::zeroed();
        strm.allocator = &allocator;
        assert_eq!(l::lzma_easy_encoder(&mut strm, 6, l::LZMA_CHECK_CRC64), l::LZMA_OK);
        let mut xz = Vec::new();
        run(&mut strm, input, &mut xz);
        l::lzma_end(&mut strm);

        let mut strm: l::lzma_stream = std::mem::zeroed();
        strm.allocator = &allocator;
        assert_eq!(l::lzma_stream_decoder(&mut strm, u64::MAX, l::LZMA_CONCATENATED), l::LZMA_OK);
        let mut back = Vec::new();
        run(&mut strm, &xz, &mut back);
        l::lzma_end(&mut strm);
        assert_eq!(back, input);

        // Raw LZMA2 with a filter chain and a preset dictionary.
        let mut opts: l::lzma_options_lzma = std::mem::zeroed();
        assert_eq!(l::lzma_lzma_preset(&mut opts, 4), 0);
        opts.preset_dict = dict.as_ptr();
        opts.preset_dict_size = dict.len() as u32;
        let filters = [
            l::lzma_filter { id: l::LZMA_FILTER_LZMA2, options: &mut opts as *mut _ as *mut c_void },
            l::lzma_filter { id: l::LZMA_VLI_UNKNOWN, options: std::ptr::null_mut() },
        ];
        let mut strm: l::lzma_stream = std::mem::zeroed();
        strm.allocator = &allocator;
        assert_eq!(l::lzma_raw_encoder(&mut strm, filters.as_ptr()), l::LZMA_OK);
        let mut raw = Vec::new();
        run(&mut strm, input, &mut raw);
        l::lzma_end(&mut strm);
        let mut strm: l::lzma_stream = std::mem::zeroed();
        assert_eq!(l::lzma_raw_decoder(&mut strm, filters.as_ptr()), l::LZMA_OK);
        let mut back = Vec::new();
        run(&mut strm, &raw, &mut back);
        l::lzma_end(&mut strm);
        assert_eq!(back, input);

        // Buffer API: out_pos and in_pos are in/out parameters.
        let mut out = vec![0u8; input.len() + 1024];
        let mut out_pos = 0usize;
        assert_eq!(l::lzma_easy_buffer_encode(1, l::LZMA_CHECK_CRC32, &allocator, input.as_ptr(), input.len(), out.as_mut_ptr(), &mut out_pos, out.len()), l::LZMA_OK);
        let mut memlimit = u64::MAX;
        let mut in_pos = 0usize;
        let mut back = vec![0u8; input.len()];
        let mut back_pos = 0usize;
        assert_eq!(l::lzma_stream_buffer_decode(&mut memlimit, 0, std::ptr::null(), out.as_ptr(), &mut in_pos, out_pos, back.as_mut_ptr(), &mut back_pos, back.len()), l::LZMA_OK);
        assert_eq!(in_pos, out_pos);
        assert_eq!(&back[..back_pos], input);
        let crc = l::lzma_crc64(input.as_ptr(), input.len(), 0);
        println!("raw: xz {} lzma2 {} buffer {} crc64 {crc:016x}", xz.len(), raw.len(), out_pos);
    }
    assert_eq!(counter.live, 0);
    assert!(counter.total > 0);
}

fn crate_api(input: &[u8]) {
    let mut enc = XzEncoder::new(Vec::new(), 6);
    enc.write_all(input).unwrap();
    let xz = enc.finish().unwrap();
    let mut back = Vec::new();
    XzDecoder::new(&xz[..]).read_to_end(&mut back).unwrap();
    assert_eq!(back, input);
    let mut s = Stream::new_easy_encoder(3, Check::Crc32).unwrap();
    let mut out = Vec::with_capacity(input.len());
    loop {
        let pos = s.total_in() as usize;
        if s.process_vec(&input[pos..], &mut out, Action::Finish).unwrap() == Status::StreamEnd {
            break;
        }
        out.reserve(4096);
    }
    let mut d = Stream::new_stream_decoder(u64::MAX, 0).unwrap();
    let mut back = Vec::with_capacity(input.len());
    d.process_vec(&out, &mut back, Action::Finish).unwrap();
    assert_eq!(back, input);
    println!("xz2: {} and {}", xz.len(), out.len());
}

fn main() {
    let input: Vec<u8> = (0..30000u32).flat_map(|i| format!("sample row {} of {}\n", i % 211, i).into_bytes()).collect();
    raw(&input);
    crate_api(&input);
}
