// BLAKE3 with its C SIMD implementations (the blake3 crate's build script compiles
// blake3_sse2.c/sse41.c/avx2.c/avx512.c with cc under `prefer_intrinsics`, and Rust calls them
// through FFI with input/output pointers and flag bytes): one-shot, incremental, keyed,
// derive_key, XOF output, and inputs long enough to use hash_many.
fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn main() {
    assert_eq!(blake3::hash(b"").to_hex().as_str(), "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    assert_eq!(blake3::hash(b"abc").to_hex().as_str(), "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85");
    let big: Vec<u8> = (0..(1usize << 20) + 12345).map(|i| (i % 251) as u8).collect();
    let one = blake3::hash(&big);
    let mut h = blake3::Hasher::new();
    for chunk in big.chunks(7919) {
        h.update(chunk);
    }
    assert_eq!(h.finalize(), one);
    let mut h2 = blake3::Hasher::new();
    h2.update(&big[..1 << 16]);
    h2.update(&big[1 << 16..]);
    assert_eq!(h2.finalize(), one);

    let key = *blake3::hash(b"corpus key").as_bytes();
    let k1 = blake3::keyed_hash(&key, &big);
    let mut kh = blake3::Hasher::new_keyed(&key);
    kh.update(&big);
    assert_eq!(kh.finalize(), k1);
    assert_ne!(k1, one);

    let dk = blake3::derive_key("ffiguard corpus 2026 blake3", &big[..5000]);
    let mut dh = blake3::Hasher::new_derive_key("ffiguard corpus 2026 blake3");
    dh.update(&big[..5000]);
    assert_eq!(dh.finalize().as_bytes(), &dk);

    let mut xof = blake3::Hasher::new().update(&big).finalize_xof();
    let mut long = [0u8; 200];
    xof.fill(&mut long);
    assert_eq!(&long[..32], one.as_bytes());
    println!("blake3: {} bytes -> {}, keyed {}, xof {}", big.len(), one.to_hex(), k1.to_hex(), hex(&long[190..]));
}
