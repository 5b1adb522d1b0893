// libwebp (libwebp-sys builds its C) through its raw API: simple encode/decode with out-params
// and WebPFree, the advanced encoder with WebPConfig/WebPPicture, a Rust writer callback and a
// progress hook reached through the picture's custom_ptr/user_data, the stock WebPMemoryWriter,
// and the advanced decoder decoding into an external Rust buffer (is_external_memory).
use libwebp_sys::*;
use std::ffi::{c_int, c_void};

const W: i32 = 64;
const H: i32 = 48;

fn image() -> Vec<u8> {
    let mut px = Vec::with_capacity((W * H * 4) as usize);
    for y in 0..H {
        for x in 0..W {
            px.extend_from_slice(&[(x * 4) as u8, (y * 5) as u8, ((x + y) * 2) as u8, 255]);
        }
    }
    px
}

unsafe extern "C" fn collect(data: *const u8, size: usize, picture: *const WebPPicture) -> c_int {
    let out = &mut *((*picture).custom_ptr as *mut Vec<u8>);
    out.extend_from_slice(std::slice::from_raw_parts(data, size));
    1
}

unsafe extern "C" fn progress(percent: c_int, picture: *const WebPPicture) -> c_int {
    let last = &mut *((*picture).user_data as *mut c_int);
    assert!(percent >= *last);
    *last = percent;
    1
}

fn simple(px: &[u8]) {
    unsafe {
        let mut out: *mut u8 = std::ptr::null_mut();
        let n = WebPEncodeRGBA(px.as_ptr(), W, H, W * 4, 80.0, &mut out);
        assert!(n > 0 && !out.is_null());
        let (mut w, mut h) = (0, 0);
        assert_eq!(WebPGetInfo(out, n, &mut w, &mut h), 1);
        assert_eq!((w, h), (W, H));
        let dec = WebPDecodeRGBA(out, n, &mut w, &mut h);
        assert!(!dec.is_null());
        let back = std::slice::from_raw_parts(dec, (w * h * 4) as usize);
        assert_eq!(back[3], 255);
        WebPFree(dec as *mut c_void);
        WebPFree(out as *mut c_void);
        let mut ll: *mut u8 = std::ptr::null_mut();
        let n = WebPEncodeLosslessRGBA(px.as_ptr(), W, H, W * 4, &mut ll);
        let dec = WebPDecodeRGBA(ll, n, &mut w, &mut h);
        assert_eq!(std::slice::from_raw_parts(dec, px.len()), px);
        WebPFree(dec as *mut c_void);
        WebPFree(ll as *mut c_void);
        println!("simple: lossless {n} bytes");
    }
}

fn advanced(px: &[u8]) -> Vec<u8> {
    unsafe {
        let mut config: WebPConfig = std::mem::zeroed();
        assert_ne!(WebPConfigInitInternal(&mut config, WebPPreset::WEBP_PRESET_PHOTO, 70.0, WEBP_ENCODER_ABI_VERSION as c_int), 0);
        config.method = 4;
        assert_ne!(WebPValidateConfig(&config), 0);
        let mut pic: WebPPicture = std::mem::zeroed();
        assert!(WebPPictureInit(&mut pic));
        pic.width = W;
        pic.height = H;
        pic.use_argb = 1;
        assert_ne!(WebPPictureImportRGBA(&mut pic, px.as_ptr(), W * 4), 0);
        let mut out: Vec<u8> = Vec::new();
        let mut last: c_int = 0;
        pic.writer = Some(collect);
        pic.custom_ptr = &mut out as *mut Vec<u8> as *mut c_void;
        pic.progress_hook = Some(progress);
        pic.user_data = &mut last as *mut c_int as *mut c_void;
        assert_ne!(WebPEncode(&config, &mut pic), 0, "encode error {:?}", pic.error_code);
        WebPPictureFree(&mut pic);
        assert!(last > 50, "progress {last}");

        // Again with the library's memory writer.
        let mut pic: WebPPicture = std::mem::zeroed();
        assert!(WebPPictureInit(&mut pic));
        pic.width = W;
        pic.height = H;
        assert_ne!(WebPPictureImportRGBA(&mut pic, px.as_ptr(), W * 4), 0);
        let mut mw: WebPMemoryWriter = std::mem::zeroed();
        WebPMemoryWriterInit(&mut mw);
        pic.writer = Some(WebPMemoryWrite);
        pic.custom_ptr = &mut mw as *mut WebPMemoryWriter as *mut c_void;
        assert_ne!(WebPEncode(&config, &mut pic), 0);
        let copy = std::slice::from_raw_parts(mw.mem, mw.size).to_vec();
        WebPMemoryWriterClear(&mut mw);
        WebPPictureFree(&mut pic);
        println!("advanced: custom writer {} bytes, memory writer {} bytes", out.len(), copy.len());
        out
    }
}

fn decode_into(data: &[u8]) {
    unsafe {
        let mut config: WebPDecoderConfig = std::mem::zeroed();
        assert!(WebPInitDecoderConfig(&mut config));
        assert_eq!(WebPGetFeatures(data.as_ptr(), data.len(), &mut config.input), VP8StatusCode::VP8_STATUS_OK);
        assert_eq!((config.input.width, config.input.height), (W, H));
        let mut buf = vec![0u8; (W * H * 4) as usize];
        config.output.colorspace = WEBP_CSP_MODE::MODE_RGBA;
        config.output.is_external_memory = 1;
        config.output.u.RGBA = WebPRGBABuffer { rgba: buf.as_mut_ptr(), stride: W * 4, size: buf.len() };
        config.options.use_threads = 0;
        assert_eq!(WebPDecode(data.as_ptr(), data.len(), &mut config), VP8StatusCode::VP8_STATUS_OK);
        WebPFreeDecBuffer(&mut config.output);
        assert!(buf.iter().skip(3).step_by(4).all(|&a| a == 255));
        println!("decoded into an external buffer: {} bytes", buf.len());
    }
}

fn main() {
    let px = image();
    simple(&px);
    let data = advanced(&px);
    decode_into(&data);
    println!("webp encoder {:x}", unsafe { WebPGetEncoderVersion() });
}
