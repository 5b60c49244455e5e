//! Page fingerprints: a 64-bit hash of everything a page shows, so an unchanged page is
//! recognised without rendering it. SipHash with fixed keys (`DefaultHasher::new`) gives the
//! same number in every run of the same build; if a new Rust changes it, every page is simply
//! rendered once more and compared byte for byte, so nothing stale is ever kept.

use std::hash::{DefaultHasher, Hasher};

#[derive(Default)]
pub struct Fp(DefaultHasher);

impl Fp {
    pub fn new() -> Fp {
        Fp(DefaultHasher::new())
    }
}

impl Hasher for Fp {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}
