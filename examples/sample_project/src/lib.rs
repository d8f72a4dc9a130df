pub mod buffer;

/// Parses a size such as "64" for a new buffer.
pub fn parse_size(text: &str) -> usize {
    text.trim().parse().unwrap()
}
