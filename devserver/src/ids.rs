//! Random ids, as PAY.JP's objects have them (`tok_` + 28 hex digits) and for 3-D Secure sessions.

/// `bytes` random bytes as lowercase hex.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("randomness");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// An object id: `prefix` (`tok_`, `car_`, `ch_`, `cus_`, `tdsr_`) and 14 random bytes in hex.
pub fn random_id(prefix: &str) -> String {
    format!("{prefix}{}", random_hex(14))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_prefix_and_28_hex_digits() {
        let id = random_id("tok_");
        let hex = id.strip_prefix("tok_").unwrap();
        assert_eq!(hex.len(), 28);
        assert!(hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')), "{id}");
        assert_ne!(random_id("tok_"), id);
        assert_eq!(random_hex(16).len(), 32);
    }
}
