extern "C" {
    fn abs(input: i32) -> i32;
}

/// The C library's abs().
pub fn c_abs(x: i32) -> i32 {
    unsafe { abs(x) }
}

/// Sum of a C array of bytes.
pub fn sum_raw(data: &[u8]) -> u32 {
    let start = data.as_ptr();
    let mut total = 0u32;
    for i in 0..data.len() {
        total += unsafe {
            *start.add(i) as u32
        };
    }
    total
}

/// Scratch space the old way; kept to show what deprecated_apis finds.
#[allow(deprecated, invalid_value)]
pub fn scratch() -> [u8; 4] {
    // SAFETY: the bytes are written before they are read.
    unsafe { std::mem::uninitialized() }
}
