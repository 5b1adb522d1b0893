// liblz4 (lz4-sys builds its C) through the lz4 crate and through raw lz4-sys: the block API,
// the LZ4F frame API with a preferences struct passed by pointer and context out-params,
// in/out size parameters of LZ4F_decompress, and LZ4_compress_continue/decompress_safe_continue,
// whose stream state keeps pointers to the previous block (a double buffer that must stay put).
use lz4::block::{self, CompressionMode};
use lz4::{Decoder, EncoderBuilder};
use lz4_sys::*;
use std::ffi::{c_char, c_int, CStr};
use std::io::{Read, Write};

fn check(code: usize) -> usize {
    unsafe {
        if LZ4F_isError(code) != 0 {
            panic!("lz4f: {}", CStr::from_ptr(LZ4F_getErrorName(code)).to_string_lossy());
        }
    }
    code
}

fn block_api(input: &[u8]) {
    unsafe {
        let bound = LZ4_compressBound(input.len() as c_int);
        let mut packed = vec![0u8; bound as usize];
        let n = LZ4_compress_default(input.as_ptr() as *const c_char, packed.as_mut_ptr() as *mut c_char, input.len() as c_int, bound);
        assert!(n > 0);
        let mut hc = vec![0u8; bound as usize];
        let m = LZ4_compress_HC(input.as_ptr() as *const c_char, hc.as_mut_ptr() as *mut c_char, input.len() as c_int, bound, 9);
        assert!(m > 0 && m <= n);
        let mut back = vec![0u8; input.len()];
        let k = LZ4_decompress_safe(hc.as_ptr() as *const c_char, back.as_mut_ptr() as *mut c_char, m, back.len() as c_int);
        assert_eq!(k as usize, input.len());
        assert_eq!(back, input);
        println!("block: {} -> {n} (hc {m})", input.len());
    }
}

fn streaming_blocks(input: &[u8]) {
    const BLOCK: usize = 4096;
    unsafe {
        let enc = LZ4_createStream();
        // Two input blocks alternate: the stream refers to the previous one as its dictionary.
        let mut ring = vec![[0u8; BLOCK]; 2];
        let mut frames: Vec<Vec<u8>> = Vec::new();
        for (i, chunk) in input.chunks(BLOCK).enumerate() {
            let slot = &mut ring[i % 2];
            slot[..chunk.len()].copy_from_slice(chunk);
            let mut out = vec![0u8; LZ4_compressBound(BLOCK as c_int) as usize];
            let n = LZ4_compress_continue(enc, slot.as_ptr(), out.as_mut_ptr(), chunk.len() as c_int);
            assert!(n > 0);
            out.truncate(n as usize);
            frames.push(out);
        }
        LZ4_freeStream(enc);
        drop(ring);

        let dec = LZ4_createStreamDecode();
        assert_eq!(LZ4_setStreamDecode(dec, std::ptr::null(), 0), 1);
        let mut dring = vec![[0u8; BLOCK]; 2];
        let mut back = Vec::with_capacity(input.len());
        for (i, f) in frames.iter().enumerate() {
            let slot = &mut dring[i % 2];
            let n = LZ4_decompress_safe_continue(dec, f.as_ptr(), slot.as_mut_ptr(), f.len() as c_int, BLOCK as c_int);
            assert!(n > 0);
            back.extend_from_slice(&slot[..n as usize]);
        }
        LZ4_freeStreamDecode(dec);
        assert_eq!(back, input);
        println!("streaming blocks: {} frames", frames.len());
    }
}

fn frame_api(input: &[u8]) -> Vec<u8> {
    unsafe {
        let mut cctx = LZ4FCompressionContext(std::ptr::null_mut());
        check(LZ4F_createCompressionContext(&mut cctx, LZ4F_VERSION));
        let prefs = LZ4FPreferences {
            frame_info: LZ4FFrameInfo {
                block_size_id: BlockSize::Max64KB,
                block_mode: BlockMode::Linked,
                content_checksum_flag: ContentChecksum::ChecksumEnabled,
                frame_type: FrameType::Frame,
                content_size: input.len() as u64,
                dict_id: 0,
                block_checksum_flag: BlockChecksum::BlockChecksumEnabled,
            },
            compression_level: 4,
            auto_flush: 0,
            favor_dec_speed: 0,
            reserved: [0; 3],
        };
        let cap = check(LZ4F_compressBound(input.len(), &prefs)) + 64;
        let mut out = vec![0u8; cap];
        let mut pos = check(LZ4F_compressBegin(cctx, out.as_mut_ptr(), out.len(), &prefs));
        let opts = LZ4FCompressOptions { stable_src: 0, reserved: [0; 3] };
        for chunk in input.chunks(10000) {
            pos += check(LZ4F_compressUpdate(cctx, out.as_mut_ptr().add(pos), cap - pos, chunk.as_ptr(), chunk.len(), &opts));
        }
        pos += check(LZ4F_compressEnd(cctx, out.as_mut_ptr().add(pos), cap - pos, &opts));
        out.truncate(pos);
        check(LZ4F_freeCompressionContext(cctx));

        let mut dctx = LZ4FDecompressionContext(std::ptr::null_mut());
        check(LZ4F_createDecompressionContext(&mut dctx, LZ4F_VERSION));
        let mut info: LZ4FFrameInfo = std::mem::zeroed();
        let mut consumed = out.len();
        check(LZ4F_getFrameInfo(dctx, &mut info, out.as_ptr(), &mut consumed));
        assert_eq!(info.content_size as usize, input.len());
        let mut back = vec![0u8; input.len()];
        let mut src = consumed;
        let mut dst = 0;
        let dopts = LZ4FDecompressOptions { stable_dst: 1, reserved: [0; 3] };
        loop {
            let mut dst_size = back.len() - dst;
            let mut src_size = out.len() - src;
            let hint = check(LZ4F_decompress(dctx, back.as_mut_ptr().add(dst), &mut dst_size, out.as_ptr().add(src), &mut src_size, &dopts));
            dst += dst_size;
            src += src_size;
            if hint == 0 {
                break;
            }
        }
        check(LZ4F_freeDecompressionContext(dctx));
        assert_eq!(dst, input.len());
        assert_eq!(back, input);
        println!("frame: {} -> {}", input.len(), out.len());
        out
    }
}

fn crate_api(input: &[u8], frame: &[u8]) {
    let c = block::compress(input, Some(CompressionMode::HIGHCOMPRESSION(6)), true).unwrap();
    assert_eq!(block::decompress(&c, None).unwrap(), input);
    let mut enc = EncoderBuilder::new().level(3).checksum(lz4::ContentChecksum::ChecksumEnabled).build(Vec::new()).unwrap();
    enc.write_all(input).unwrap();
    let (packed, r) = enc.finish();
    r.unwrap();
    let mut back = Vec::new();
    Decoder::new(&packed[..]).unwrap().read_to_end(&mut back).unwrap();
    assert_eq!(back, input);
    let mut back = Vec::new();
    Decoder::new(frame).unwrap().read_to_end(&mut back).unwrap();
    assert_eq!(back, input);
    println!("lz4 crate: block {} frame {}", c.len(), packed.len());
}

fn main() {
    let input: Vec<u8> = (0..40000u32).flat_map(|i| format!("{:05} lz4 sample row {}\n", i, i % 31).into_bytes()).collect();
    block_api(&input);
    streaming_blocks(&input);
    let frame = frame_api(&input);
    crate_api(&input, &frame);
    println!("lz4 version {}", unsafe { LZ4_versionNumber() });
}
