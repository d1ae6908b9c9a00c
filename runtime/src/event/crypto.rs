//! The webhook's Encrypt Key: AES-256-CBC bodies and SHA-256 signatures.
//!
//! - Key: SHA-256 of the Encrypt Key's UTF-8 bytes.
//! - `{"encrypt": base64(IV ‖ AES-256-CBC(PKCS#7(plaintext)))}`.
//! - `X-Lark-Signature = hex(SHA-256(timestamp ‖ nonce ‖ encrypt_key ‖ raw body))`.
//!
//! Signatures are compared in constant time, and decryption reports one
//! error whatever went wrong, so that a sender learns nothing from failures.

use std::fmt;

use aes::cipher::block_padding::{NoPadding, Pkcs7};
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use subtle::{
    Choice, ConditionallySelectable, ConstantTimeEq, ConstantTimeGreater, ConstantTimeLess,
};

type Encryptor = cbc::Encryptor<aes::Aes256>;
type Decryptor = cbc::Decryptor<aes::Aes256>;

/// An app's Encrypt Key, ready to decrypt, encrypt and sign.
#[derive(Clone)]
pub struct EncryptKey {
    key: String,
    aes: [u8; 32],
}

/// An encrypted body could not be opened. Deliberately says nothing more:
/// bad base64, a short blob, a wrong key and bad padding look the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the encrypted body could not be decrypted")]
pub struct DecryptError;

impl EncryptKey {
    /// The key as configured in the developer console.
    pub fn new(key: impl Into<String>) -> Self {
        let key = key.into();
        let aes = Sha256::digest(key.as_bytes()).into();
        Self { key, aes }
    }

    /// Decrypts the `encrypt` field of a body.
    pub fn decrypt(&self, encrypted: &str) -> Result<Vec<u8>, DecryptError> {
        let mut blob = STANDARD
            .decode(encrypted.trim())
            .map_err(|_| DecryptError)?;
        if blob.len() < 32 || blob.len() % 16 != 0 {
            return Err(DecryptError);
        }
        // Decrypted in place over the ciphertext, then moved over the IV.
        let (iv, ciphertext) = blob.split_at_mut(16);
        let iv: [u8; 16] = (&*iv).try_into().map_err(|_| DecryptError)?;
        let len = Decryptor::new(&self.aes.into(), &iv.into())
            .decrypt_padded_mut::<Pkcs7>(ciphertext)
            .map_err(|_| DecryptError)?
            .len();
        blob.copy_within(16..16 + len, 0);
        blob.truncate(len);
        Ok(blob)
    }

    /// Decrypts an `encrypt` field that no signature vouches for, and hands
    /// the plaintext to `read`; `None` when it does not decrypt or `read`
    /// says no. The padding is checked in constant time and `read` runs
    /// whether it was good or not (on the unpadded bytes), so that the time
    /// taken does not tell good padding from bad: no padding oracle, by
    /// answer or by timing.
    #[cfg_attr(not(feature = "events"), allow(dead_code))] // the webhook reads with it
    pub(crate) fn read_unauthenticated<T>(
        &self,
        encrypted: &str,
        read: impl FnOnce(&[u8]) -> Option<T>,
    ) -> Option<T> {
        let mut blob = STANDARD.decode(encrypted.trim()).ok()?;
        if blob.len() < 32 || blob.len() % 16 != 0 {
            return None;
        }
        let (iv, ciphertext) = blob.split_at_mut(16);
        let iv: [u8; 16] = (&*iv).try_into().ok()?;
        let plaintext = Decryptor::new(&self.aes.into(), &iv.into())
            .decrypt_padded_mut::<NoPadding>(ciphertext)
            .ok()?;
        let (len, good) = pkcs7_len(plaintext);
        let read = read(&plaintext[..len]);
        if bool::from(good) { read } else { None }
    }

    /// Encrypts a body with a given IV (which must be random for each message).
    pub fn encrypt(&self, plaintext: &[u8], iv: [u8; 16]) -> String {
        // IV, then the plaintext with room for up to one block of padding.
        let mut blob = Vec::with_capacity(16 + plaintext.len() + 16);
        blob.extend_from_slice(&iv);
        blob.extend_from_slice(plaintext);
        blob.resize(16 + plaintext.len() + 16, 0);
        let len = Encryptor::new(&self.aes.into(), &iv.into())
            .encrypt_padded_mut::<Pkcs7>(&mut blob[16..], plaintext.len())
            .map_or(0, <[u8]>::len);
        blob.truncate(16 + len);
        STANDARD.encode(blob)
    }

    /// `hex(SHA-256(timestamp ‖ nonce ‖ key ‖ body))`, as `X-Lark-Signature` carries it.
    pub fn signature(&self, timestamp: &str, nonce: &str, body: &[u8]) -> String {
        let digest = self.digest(timestamp, nonce, body);
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push(char::from(HEX[usize::from(byte >> 4)]));
            hex.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        hex
    }

    /// Whether `signature` (hex, either case) signs the raw body; constant time.
    pub fn verify(&self, timestamp: &str, nonce: &str, body: &[u8], signature: &str) -> bool {
        let Some(given) = decode_hex(signature) else {
            return false;
        };
        bool::from(self.digest(timestamp, nonce, body).ct_eq(&given))
    }

    fn digest(&self, timestamp: &str, nonce: &str, body: &[u8]) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(timestamp.as_bytes());
        hasher.update(nonce.as_bytes());
        hasher.update(self.key.as_bytes());
        hasher.update(body);
        hasher.finalize().into()
    }
}

/// The length of `data` (whole blocks) without its PKCS#7 padding, and
/// whether the padding is good; in constant time. With bad padding, the
/// whole length.
#[cfg_attr(not(feature = "events"), allow(dead_code))] // the webhook reads with it
fn pkcs7_len(data: &[u8]) -> (usize, Choice) {
    let n = data.len();
    let pad = data[n - 1];
    let mut good = !pad.ct_eq(&0) & !pad.ct_gt(&16);
    for i in 0..16u8 {
        let byte = data[n - 1 - usize::from(i)];
        good &= !i.ct_lt(&pad) | byte.ct_eq(&pad);
    }
    let cut = u8::conditional_select(&0, &pad, good);
    (n - usize::from(cut), good)
}

impl fmt::Debug for EncryptKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncryptKey(<redacted>)")
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn decode_hex(text: &str) -> Option<[u8; 32]> {
    let bytes = text.trim().as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        let high = char::from(pair[0]).to_digit(16)?;
        let low = char::from(pair[1]).to_digit(16)?;
        out[i] = u8::try_from(high * 16 + low).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_tampering_uniformly() {
        let key = EncryptKey::new("test key");
        let blob = key.encrypt(b"hello world", [7; 16]);
        assert_eq!(key.decrypt(&blob).unwrap(), b"hello world");
        assert_eq!(EncryptKey::new("other").decrypt(&blob), Err(DecryptError));
        assert_eq!(key.decrypt("***"), Err(DecryptError));
        assert_eq!(key.decrypt(&STANDARD.encode([0u8; 20])), Err(DecryptError));
        let mut raw = STANDARD.decode(&blob).unwrap();
        *raw.last_mut().unwrap() ^= 1;
        assert_eq!(key.decrypt(&STANDARD.encode(raw)), Err(DecryptError));
    }

    #[test]
    fn signatures_verify_in_either_case_and_refuse_junk() {
        let key = EncryptKey::new("k");
        let sig = key.signature("1", "n", b"{}");
        assert!(key.verify("1", "n", b"{}", &sig));
        assert!(key.verify("1", "n", b"{}", &sig.to_uppercase()));
        assert!(!key.verify("1", "n", b"{ }", &sig));
        assert!(!key.verify("1", "n", b"{}", "zz"));
        assert!(!key.verify("1", "n", b"{}", &"g".repeat(64)));
        assert_eq!(format!("{key:?}"), "EncryptKey(<redacted>)");
    }

    #[test]
    fn the_padding_check_agrees_with_pkcs7() {
        let mut block = [0u8; 32];
        for pad in 0..=20u8 {
            for tail in 0..=255u8 {
                block[..].fill(tail);
                block[31] = pad;
                let (len, good) = pkcs7_len(&block);
                let expected = (1..=16).contains(&pad)
                    && block[32 - usize::from(pad)..].iter().all(|b| *b == pad);
                assert_eq!(bool::from(good), expected, "pad {pad}, tail {tail}");
                let want = if expected { 32 - usize::from(pad) } else { 32 };
                assert_eq!(len, want, "pad {pad}, tail {tail}");
            }
        }
    }

    #[test]
    fn unauthenticated_reads_see_the_plaintext_only_when_it_decrypts() {
        let key = EncryptKey::new("test key");
        let blob = key.encrypt(b"hello world", [7; 16]);
        let read = key.read_unauthenticated(&blob, |p| Some(p.to_vec()));
        assert_eq!(read.as_deref(), Some(&b"hello world"[..]));
        let mut raw = STANDARD.decode(&blob).unwrap();
        *raw.last_mut().unwrap() ^= 1;
        let mut called = false;
        let read = key.read_unauthenticated(&STANDARD.encode(raw), |_| {
            called = true;
            Some(())
        });
        assert_eq!(read, None, "bad padding");
        assert!(called, "the reader runs either way");
        assert_eq!(key.read_unauthenticated("***", |_| Some(())), None);
    }
}
