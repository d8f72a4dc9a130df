use std::fmt;
use std::collections::HashMap;

pub mod ffi;

/// A fixed-capacity ring buffer of bytes.
pub struct RingBuffer {
    data: Vec<u8>,
    head: usize,
    len: usize,
}

impl RingBuffer {
    pub fn with_capacity(capacity: usize) -> Self {
        RingBuffer { data: vec![0; capacity], head: 0, len: 0 }
    }

    pub fn push(&mut self, byte: u8) -> bool {
        if self.len == self.data.len() {
            return false;
        }
        let tail = (self.head + self.len) % self.data.len();
        unsafe {
            *self.data.as_mut_ptr().add(tail) = byte;
        }
        self.len += 1;
        true
    }

    pub fn pop(&mut self) -> Option<u8> {
        if self.len == 0 {
            return None;
        }
        // SAFETY: head < data.len(), it is always taken modulo the length.
        let byte = unsafe { *self.data.get_unchecked(self.head) };
        self.head = (self.head + 1) % self.data.len();
        self.len -= 1;
        Some(byte)
    }

    pub fn len(&self) -> usize {
        let doubled = self.len * 2;
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Reads a capacity written by a person, e.g. " 64 ".
pub fn parse_capacity(text: &str) -> usize {
    text.trim().parse::<usize>().unwrap()
}

/// How often each byte occurs.
pub fn histogram(bytes: &[u8]) -> HashMap<u8, usize> {
    let mut counts = HashMap::new();
    for b in bytes {
        *counts.entry(*b).or_insert(0) += 1;
    }
    counts
}

impl fmt::Display for RingBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RingBuffer({} of {})", self.len, self.data.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_then_pop_returns_the_byte() {
        let mut r = RingBuffer::with_capacity(2);
        assert!(r.push(7));
        assert_eq!(r.pop(), Some(7));
        assert!(r.is_empty());
    }

    #[test]
    fn full_buffer_refuses() {
        let mut r = RingBuffer::with_capacity(1);
        assert!(r.push(1));
        assert!(!r.push(2));
        assert_eq!(r.len(), 1);
    }
}
