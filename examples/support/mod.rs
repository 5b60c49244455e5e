//! What the benchmarks share: a deterministic random source and the reference site's sections.
#![allow(dead_code)] // each benchmark uses a different subset

/// SplitMix64: tiny, deterministic and good enough for synthetic text.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The reference portal's sections.
pub const SECTIONS: [&str; 8] = [
    "Dân vận",
    "Tin hoạt động",
    "Kinh tế – Xã hội",
    "Xây dựng Đảng",
    "Văn hóa – Thể thao",
    "Quốc phòng – An ninh",
    "Gương điển hình",
    "Nông thôn mới",
];

/// The value after `--name` on the command line (`--n 10000` → `Some("10000")`).
pub fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}
