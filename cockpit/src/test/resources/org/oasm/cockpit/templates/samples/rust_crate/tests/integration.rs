use ring_buffer::{parse_capacity, RingBuffer};

#[test]
fn a_buffer_of_a_parsed_capacity_fills_up() {
    let mut r = RingBuffer::with_capacity(parse_capacity(" 3 "));
    for b in 0..3 {
        assert!(r.push(b));
    }
    assert!(!r.push(9));
    assert_eq!(ring_buffer::ffi::sum_raw(&[1, 2, 3]), 6);
    assert_eq!(ring_buffer::ffi::c_abs(-4), 4);
}
