/// The port of an address such as "localhost:8080".
pub fn port(address: &str) -> u16 {
    let text = address.rsplit(':').next().unwrap();
    text.parse().unwrap()
}
