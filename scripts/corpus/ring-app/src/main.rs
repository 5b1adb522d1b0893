// ring 0.17 (its build script compiles BoringSSL-derived C with cc; assembly objects stay
// native): digests, HMAC, HKDF, PBKDF2, AEAD seal/open in place (AES-256-GCM and
// ChaCha20-Poly1305), X25519 agreement, Ed25519 and ECDSA P-256 signatures, constant-time
// comparison, and the system random source.
use ring::aead::{self, Aad, BoundKey, Nonce, NonceSequence, OpeningKey, SealingKey, UnboundKey, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{self, Ed25519KeyPair, EcdsaKeyPair, KeyPair};
use ring::{agreement, digest, error, hkdf, hmac, pbkdf2};
use std::num::NonZeroU32;

struct Counter(u64);
impl NonceSequence for Counter {
    fn advance(&mut self) -> Result<Nonce, error::Unspecified> {
        self.0 += 1;
        let mut n = [0u8; NONCE_LEN];
        n[4..].copy_from_slice(&self.0.to_be_bytes());
        Ok(Nonce::assume_unique_for_key(n))
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn aead_roundtrip(alg: &'static aead::Algorithm, key: &[u8]) {
    let mut sealing = SealingKey::new(UnboundKey::new(alg, key).unwrap(), Counter(0));
    let mut opening = OpeningKey::new(UnboundKey::new(alg, key).unwrap(), Counter(0));
    for i in 0..5 {
        let msg = format!("message {i} for {:?}", alg);
        let mut buf = msg.clone().into_bytes();
        sealing.seal_in_place_append_tag(Aad::from(b"header"), &mut buf).unwrap();
        assert_eq!(buf.len(), msg.len() + alg.tag_len());
        let plain = opening.open_in_place(Aad::from(b"header"), &mut buf).unwrap();
        assert_eq!(plain, msg.as_bytes());
    }
}

fn main() {
    let d = digest::digest(&digest::SHA256, b"abc");
    assert_eq!(hex(d.as_ref()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    let mut ctx = digest::Context::new(&digest::SHA512);
    for _ in 0..1000 {
        ctx.update(b"0123456789");
    }
    let d512 = ctx.finish();
    assert_eq!(d512.as_ref().len(), 64);

    let rng = SystemRandom::new();
    let mut key = [0u8; 32];
    rng.fill(&mut key).unwrap();
    let hkey = hmac::Key::new(hmac::HMAC_SHA256, &key);
    let tag = hmac::sign(&hkey, b"data");
    hmac::verify(&hkey, b"data", tag.as_ref()).unwrap();
    assert!(hmac::verify(&hkey, b"other", tag.as_ref()).is_err());

    let salt = hkdf::Salt::new(hkdf::HKDF_SHA256, b"salt");
    let prk = salt.extract(&key);
    let okm = prk.expand(&[b"info"], hkdf::HKDF_SHA256).unwrap();
    let mut derived = [0u8; 32];
    okm.fill(&mut derived).unwrap();

    let mut pw = [0u8; 32];
    pbkdf2::derive(pbkdf2::PBKDF2_HMAC_SHA256, NonZeroU32::new(1000).unwrap(), b"salt", b"password", &mut pw);
    pbkdf2::verify(pbkdf2::PBKDF2_HMAC_SHA256, NonZeroU32::new(1000).unwrap(), b"salt", b"password", &pw).unwrap();

    aead_roundtrip(&aead::AES_256_GCM, &derived);
    aead_roundtrip(&aead::CHACHA20_POLY1305, &pw);

    let a_priv = agreement::EphemeralPrivateKey::generate(&agreement::X25519, &rng).unwrap();
    let b_priv = agreement::EphemeralPrivateKey::generate(&agreement::X25519, &rng).unwrap();
    let a_pub = a_priv.compute_public_key().unwrap();
    let b_pub = b_priv.compute_public_key().unwrap();
    let s1 = agreement::agree_ephemeral(a_priv, &agreement::UnparsedPublicKey::new(&agreement::X25519, b_pub.as_ref()), |s| s.to_vec()).unwrap();
    let s2 = agreement::agree_ephemeral(b_priv, &agreement::UnparsedPublicKey::new(&agreement::X25519, a_pub.as_ref()), |s| s.to_vec()).unwrap();
    assert_eq!(s1, s2);

    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
    let kp = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
    let sig = kp.sign(b"signed message");
    signature::UnparsedPublicKey::new(&signature::ED25519, kp.public_key().as_ref()).verify(b"signed message", sig.as_ref()).unwrap();

    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
    let ek = EcdsaKeyPair::from_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng).unwrap();
    let esig = ek.sign(&rng, b"ecdsa message").unwrap();
    signature::UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, ek.public_key().as_ref()).verify(b"ecdsa message", esig.as_ref()).unwrap();
    assert!(ring::constant_time::verify_slices_are_equal(&s1, &s2).is_ok());
    println!("ring: sha512 {}, shared secret {} bytes, ed25519 sig {} bytes, p256 sig {} bytes", &hex(d512.as_ref())[..16], s1.len(), sig.as_ref().len(), esig.as_ref().len());
}
