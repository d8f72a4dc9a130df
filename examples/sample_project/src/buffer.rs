/// A fixed-size byte buffer read without bounds checks once the index is known to be valid.
pub struct Buffer {
    bytes: Vec<u8>,
}

impl Buffer {
    pub fn new(size: usize) -> Self {
        Buffer { bytes: vec![0; size] }
    }

    /// The byte at `index`; the caller has checked `index < self.len()`.
    pub fn get(&self, index: usize) -> u8 {
        debug_assert!(index < self.bytes.len());
        unsafe { *self.bytes.get_unchecked(index) }
    }

    /// Sets the byte at `index`; the caller has checked `index < self.len()`.
    pub fn set(&mut self, index: usize, value: u8) {
        debug_assert!(index < self.bytes.len());
        unsafe {
            *self.bytes.get_unchecked_mut(index) = value;
        }
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }
}
