// libcurl (curl-sys `static-curl` builds its C with cc, no TLS) through the curl crate and raw
// curl-sys, on file:// URLs only (no network): Easy transfers with Rust write/header/progress/
// read callbacks (closures behind C function pointers and a payload pointer), Easy2 with a
// Handler, an upload to a file:// URL, the multi interface, curl_slist, getinfo out-params,
// and curl_easy_escape/unescape strings malloc'ed by libcurl and released with curl_free.
use curl::easy::{Easy, Easy2, Handler, List, WriteError};
use curl::multi::Multi;
use curl_sys as sys;
use std::ffi::{c_char, c_int, CStr};
use std::fs;
use std::time::Duration;

struct Collector(Vec<u8>);
impl Handler for Collector {
    fn write(&mut self, data: &[u8]) -> Result<usize, WriteError> {
        self.0.extend_from_slice(data);
        Ok(data.len())
    }
}

fn main() {
    curl::init();
    let dir = std::env::temp_dir().join(format!("curl-file-corpus-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let src = dir.join("input.txt");
    let body: String = (0..2000).map(|i| format!("line {i}\n")).collect();
    fs::write(&src, &body).unwrap();
    let url = format!("file://{}", src.display());

    // Easy with closures.
    let mut got = Vec::new();
    let mut headers = 0;
    let mut progress_calls = 0;
    let mut easy = Easy::new();
    easy.url(&url).unwrap();
    easy.progress(true).unwrap();
    {
        let mut t = easy.transfer();
        t.write_function(|d| {
            got.extend_from_slice(d);
            Ok(d.len())
        })
        .unwrap();
        t.header_function(|_h| {
            headers += 1;
            true
        })
        .unwrap();
        t.progress_function(|_dt, _dn, _ut, _un| {
            progress_calls += 1;
            true
        })
        .unwrap();
        t.perform().unwrap();
    }
    assert_eq!(got, body.as_bytes());
    assert_eq!(easy.response_code().unwrap(), 0);
    assert!(easy.download_size().unwrap() as usize == body.len());
    let effective = easy.effective_url().unwrap().unwrap().to_string();
    assert_eq!(effective, url);

    // Easy2 with a Handler, and a range request.
    let mut e2 = Easy2::new(Collector(Vec::new()));
    e2.url(&url).unwrap();
    e2.range("0-9").unwrap();
    e2.perform().unwrap();
    assert_eq!(e2.get_ref().0, b"line 0\nlin");

    // Upload through a read callback.
    let dst = dir.join("output.txt");
    let upload = format!("uploaded {}\n", "x".repeat(5000));
    let mut data = upload.as_bytes();
    let mut up = Easy::new();
    up.url(&format!("file://{}", dst.display())).unwrap();
    up.upload(true).unwrap();
    up.in_filesize(data.len() as u64).unwrap();
    {
        let mut t = up.transfer();
        t.read_function(|buf| {
            let n = buf.len().min(data.len());
            buf[..n].copy_from_slice(&data[..n]);
            data = &data[n..];
            Ok(n)
        })
        .unwrap();
        t.perform().unwrap();
    }
    assert_eq!(fs::read_to_string(&dst).unwrap(), upload);

    // Multi: two transfers at once.
    let multi = Multi::new();
    let mut a = Easy2::new(Collector(Vec::new()));
    a.url(&url).unwrap();
    let mut b = Easy2::new(Collector(Vec::new()));
    b.url(&format!("file://{}", dst.display())).unwrap();
    let ha = multi.add2(a).unwrap();
    let hb = multi.add2(b).unwrap();
    while multi.perform().unwrap() > 0 {
        multi.wait(&mut [], Duration::from_millis(100)).unwrap();
    }
    let mut done = 0;
    multi.messages(|m| {
        assert!(m.result().unwrap().is_ok());
        done += 1;
    });
    assert_eq!(done, 2);
    let a = multi.remove2(ha).unwrap();
    let b = multi.remove2(hb).unwrap();
    assert_eq!(a.get_ref().0.len(), body.len());
    assert_eq!(b.get_ref().0, upload.as_bytes());

    // curl_slist through List, and raw escape/unescape released with curl_free.
    let mut list = List::new();
    list.append("X-One: 1").unwrap();
    list.append("X-Two: 2").unwrap();
    assert_eq!(list.iter().count(), 2);
    unsafe {
        let h = sys::curl_easy_init();
        let raw = "a b&c=d/é";
        let esc = sys::curl_easy_escape(h, raw.as_ptr() as *const c_char, raw.len() as c_int);
        let escaped = CStr::from_ptr(esc).to_str().unwrap().to_owned();
        assert_eq!(escaped, "a%20b%26c%3Dd%2F%C3%A9");
        let mut outlen: c_int = 0;
        let un = sys::curl_easy_unescape(h, esc, 0, &mut outlen);
        assert_eq!(std::slice::from_raw_parts(un as *const u8, outlen as usize), raw.as_bytes());
        sys::curl_free(un as *mut _);
        sys::curl_free(esc as *mut _);
        sys::curl_easy_cleanup(h);
    }
    fs::remove_dir_all(&dir).unwrap();
    let v = curl::Version::get();
    println!("curl {}: {} bytes read, {headers} header lines, {progress_calls} progress calls, upload {} bytes", v.version(), got.len(), upload.len());
}
