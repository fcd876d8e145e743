//! A small seeded generator (xorshift) for the fault and fuzz tests, so
//! that a failing run can be replayed from its seed.

/// The generator's state; never zero.
pub(crate) struct Seeded(pub u64);

impl Seeded {
    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
