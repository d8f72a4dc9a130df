/// Reads the byte at `index` without a bounds check.
pub fn byte_at(bytes: &[u8], index: usize) -> u8 {
    assert!(index < bytes.len());
    unsafe { *bytes.get_unchecked(index) }
}

/// Already documented: left alone.
pub fn first(bytes: &[u8]) -> u8 {
    assert!(!bytes.is_empty());
    // SAFETY: the slice is not empty, so index 0 is in bounds.
    unsafe { *bytes.get_unchecked(0) }
}
