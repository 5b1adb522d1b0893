// libzstd (zstd-sys builds its C) through the zstd crate (with zstd-safe's Rust allocator
// handed to C as ZSTD_customMem) and through raw zstd-sys: the advanced API with parameters,
// streaming with ZSTD_inBuffer/ZSTD_outBuffer out-params, a ZSTD_customMem table of Rust
// alloc/free callbacks passed by value, dictionaries trained with ZDICT, CDict/DDict by copy
// and by reference (the dictionary buffer kept by C and outliving them), a referenced prefix.
use std::ffi::{c_void, CStr};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use zstd_sys as z;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn my_alloc(opaque: *mut c_void, size: usize) -> *mut c_void {
    let counter = &*(opaque as *const AtomicUsize);
    counter.fetch_add(1, Ordering::Relaxed);
    // A size header in front, so that free knows the layout.
    let layout = std::alloc::Layout::from_size_align(size + 16, 16).unwrap();
    let p = std::alloc::alloc(layout);
    if p.is_null() {
        return p as *mut c_void;
    }
    *(p as *mut usize) = size + 16;
    p.add(16) as *mut c_void
}

unsafe extern "C" fn my_free(opaque: *mut c_void, address: *mut c_void) {
    if address.is_null() {
        return;
    }
    let counter = &*(opaque as *const AtomicUsize);
    counter.fetch_sub(1, Ordering::Relaxed);
    let p = (address as *mut u8).sub(16);
    let size = *(p as *const usize);
    std::alloc::dealloc(p, std::alloc::Layout::from_size_align(size, 16).unwrap());
}

fn check(code: usize) -> usize {
    unsafe {
        if z::ZSTD_isError(code) != 0 {
            panic!("zstd: {}", CStr::from_ptr(z::ZSTD_getErrorName(code)).to_string_lossy());
        }
    }
    code
}

fn sample(i: usize) -> Vec<u8> {
    format!(
        "{{\"id\": {i}, \"name\": \"user-{i}\", \"email\": \"user{i}@example.com\", \"active\": {}, \"tags\": [\"alpha\", \"beta\", \"gamma\"], \"score\": {}}}\n",
        i % 2 == 0,
        i * 37 % 101
    )
    .into_bytes()
}

fn custom_mem_streaming(input: &[u8]) -> Vec<u8> {
    unsafe {
        let mem = z::ZSTD_customMem {
            customAlloc: Some(my_alloc),
            customFree: Some(my_free),
            opaque: &LIVE as *const AtomicUsize as *mut c_void,
        };
        let cctx = z::ZSTD_createCCtx_advanced(mem);
        assert!(!cctx.is_null());
        check(z::ZSTD_CCtx_setParameter(cctx, z::ZSTD_cParameter::ZSTD_c_compressionLevel, 7));
        check(z::ZSTD_CCtx_setParameter(cctx, z::ZSTD_cParameter::ZSTD_c_checksumFlag, 1));
        check(z::ZSTD_CCtx_setPledgedSrcSize(cctx, input.len() as u64));
        let mut out = vec![0u8; z::ZSTD_compressBound(input.len())];
        let mut obuf = z::ZSTD_outBuffer { dst: out.as_mut_ptr() as *mut c_void, size: out.len(), pos: 0 };
        for chunk in input.chunks(1000) {
            let mut ibuf = z::ZSTD_inBuffer { src: chunk.as_ptr() as *const c_void, size: chunk.len(), pos: 0 };
            while ibuf.pos < ibuf.size {
                check(z::ZSTD_compressStream2(cctx, &mut obuf, &mut ibuf, z::ZSTD_EndDirective::ZSTD_e_continue));
            }
        }
        let mut empty = z::ZSTD_inBuffer { src: std::ptr::null(), size: 0, pos: 0 };
        while check(z::ZSTD_compressStream2(cctx, &mut obuf, &mut empty, z::ZSTD_EndDirective::ZSTD_e_end)) != 0 {}
        let prog = z::ZSTD_getFrameProgression(cctx);
        assert_eq!(prog.consumed as usize, input.len());
        out.truncate(obuf.pos);
        z::ZSTD_freeCCtx(cctx);

        let dctx = z::ZSTD_createDCtx_advanced(mem);
        let mut back = vec![0u8; input.len()];
        let mut obuf = z::ZSTD_outBuffer { dst: back.as_mut_ptr() as *mut c_void, size: back.len(), pos: 0 };
        let mut ibuf = z::ZSTD_inBuffer { src: out.as_ptr() as *const c_void, size: out.len(), pos: 0 };
        while check(z::ZSTD_decompressStream(dctx, &mut obuf, &mut ibuf)) != 0 {}
        assert_eq!(obuf.pos, input.len());
        z::ZSTD_freeDCtx(dctx);
        assert_eq!(&back, input);
        assert_eq!(LIVE.load(Ordering::Relaxed), 0);
        out
    }
}

fn dictionaries(samples: &[Vec<u8>]) {
    unsafe {
        let joined: Vec<u8> = samples.concat();
        let sizes: Vec<usize> = samples.iter().map(|s| s.len()).collect();
        let mut dict = vec![0u8; 4096];
        let dsize = z::ZDICT_trainFromBuffer(
            dict.as_mut_ptr() as *mut c_void,
            dict.len(),
            joined.as_ptr() as *const c_void,
            sizes.as_ptr(),
            sizes.len() as u32,
        );
        assert_eq!(z::ZDICT_isError(dsize), 0, "dictionary training failed");
        dict.truncate(dsize);
        let dict_id = z::ZDICT_getDictID(dict.as_ptr() as *const c_void, dict.len());
        assert_ne!(dict_id, 0);

        // CDict by copy, DDict by reference: `dict` outlives the DDict.
        let cdict = z::ZSTD_createCDict(dict.as_ptr() as *const c_void, dict.len(), 5);
        let ddict = z::ZSTD_createDDict_byReference(dict.as_ptr() as *const c_void, dict.len());
        let cctx = z::ZSTD_createCCtx();
        let dctx = z::ZSTD_createDCtx();
        let mut total_plain = 0;
        let mut total_packed = 0;
        for s in samples.iter().take(50) {
            let mut packed = vec![0u8; z::ZSTD_compressBound(s.len())];
            let n = check(z::ZSTD_compress_usingCDict(cctx, packed.as_mut_ptr() as *mut c_void, packed.len(), s.as_ptr() as *const c_void, s.len(), cdict));
            packed.truncate(n);
            assert_eq!(z::ZSTD_getDictID_fromFrame(packed.as_ptr() as *const c_void, packed.len()), dict_id);
            let mut plain = vec![0u8; s.len()];
            let m = check(z::ZSTD_decompress_usingDDict(dctx, plain.as_mut_ptr() as *mut c_void, plain.len(), packed.as_ptr() as *const c_void, packed.len(), ddict));
            assert_eq!(&plain[..m], &s[..]);
            total_plain += s.len();
            total_packed += n;
        }
        assert!(total_packed < total_plain);

        // The same dictionary loaded by reference into the context (kept by C, `dict` lives on).
        check(z::ZSTD_CCtx_reset(cctx, z::ZSTD_ResetDirective::ZSTD_reset_session_and_parameters));
        check(z::ZSTD_CCtx_loadDictionary_byReference(cctx, dict.as_ptr() as *const c_void, dict.len()));
        let s = &samples[7];
        let mut packed = vec![0u8; z::ZSTD_compressBound(s.len())];
        let n = check(z::ZSTD_compress2(cctx, packed.as_mut_ptr() as *mut c_void, packed.len(), s.as_ptr() as *const c_void, s.len()));
        let mut plain = vec![0u8; s.len()];
        check(z::ZSTD_DCtx_loadDictionary(dctx, dict.as_ptr() as *const c_void, dict.len()));
        let m = check(z::ZSTD_decompressDCtx(dctx, plain.as_mut_ptr() as *mut c_void, plain.len(), packed.as_ptr() as *const c_void, n));
        assert_eq!(&plain[..m], &s[..]);

        // A referenced prefix, used for one frame.
        let prefix = samples[0].clone();
        check(z::ZSTD_CCtx_reset(cctx, z::ZSTD_ResetDirective::ZSTD_reset_session_and_parameters));
        check(z::ZSTD_CCtx_refPrefix(cctx, prefix.as_ptr() as *const c_void, prefix.len()));
        let n = check(z::ZSTD_compress2(cctx, packed.as_mut_ptr() as *mut c_void, packed.len(), s.as_ptr() as *const c_void, s.len()));
        check(z::ZSTD_DCtx_reset(dctx, z::ZSTD_ResetDirective::ZSTD_reset_session_and_parameters));
        check(z::ZSTD_DCtx_refPrefix(dctx, prefix.as_ptr() as *const c_void, prefix.len()));
        let m = check(z::ZSTD_decompressDCtx(dctx, plain.as_mut_ptr() as *mut c_void, plain.len(), packed.as_ptr() as *const c_void, n));
        assert_eq!(&plain[..m], &s[..]);

        z::ZSTD_freeCCtx(cctx);
        z::ZSTD_freeDCtx(dctx);
        z::ZSTD_freeCDict(cdict);
        z::ZSTD_freeDDict(ddict);
        drop(dict);
        println!("dictionary {dict_id}: {total_plain} -> {total_packed} bytes");
    }
}

fn high_level(samples: &[Vec<u8>]) {
    let data: Vec<u8> = samples.concat();
    let packed = zstd::bulk::compress(&data, 3).unwrap();
    assert_eq!(zstd::bulk::decompress(&packed, data.len()).unwrap(), data);
    let dict = zstd::dict::from_samples(samples, 2048).unwrap();
    let mut c = zstd::bulk::Compressor::with_dictionary(9, &dict).unwrap();
    let mut d = zstd::bulk::Decompressor::with_dictionary(&dict).unwrap();
    for s in samples.iter().step_by(17) {
        let p = c.compress(s).unwrap();
        assert_eq!(&d.decompress(&p, s.len()).unwrap(), s);
    }
    let mut enc = zstd::stream::Encoder::new(Vec::new(), 5).unwrap();
    enc.include_checksum(true).unwrap();
    for s in samples {
        enc.write_all(s).unwrap();
    }
    let packed = enc.finish().unwrap();
    let mut dec = zstd::stream::Decoder::new(&packed[..]).unwrap();
    let mut back = Vec::new();
    dec.read_to_end(&mut back).unwrap();
    assert_eq!(back, data);
    println!("high level: {} -> {} bytes", data.len(), packed.len());
}

fn main() {
    let samples: Vec<Vec<u8>> = (0..400).map(sample).collect();
    let data: Vec<u8> = samples.concat();
    let packed = custom_mem_streaming(&data);
    println!("custom mem streaming: {} -> {} bytes", data.len(), packed.len());
    dictionaries(&samples);
    high_level(&samples);
    unsafe {
        println!("zstd {}", CStr::from_ptr(z::ZSTD_versionString()).to_string_lossy());
    }
}
