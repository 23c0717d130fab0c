//! PAY.JP's test cards (PAYJP.md §4) and what each does at token creation.

/// What a test card does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Token creation fails with this `card_error` code.
    Decline(&'static str),
    /// The token is created with these check results.
    Checks { cvc_check: Option<&'static str>, address_zip_check: Option<&'static str> },
    /// The token is created; the later charge fails with this code.
    ChargeFails(&'static str),
    /// Plain success.
    Succeed,
}

pub const TEST_CARDS: &[(&str, Behaviour)] = &[
    ("4242424242424242", Behaviour::Succeed),
    ("4012888888881881", Behaviour::Succeed),
    ("5555555555554444", Behaviour::Succeed),
    ("5105105105105100", Behaviour::Succeed),
    ("3530111333300000", Behaviour::Succeed),
    ("3566002020360505", Behaviour::Succeed),
    ("378282246310005", Behaviour::Succeed),
    ("371449635398431", Behaviour::Succeed),
    ("38520000023237", Behaviour::Succeed),
    ("30569309025904", Behaviour::Succeed),
    ("6011111111111117", Behaviour::Succeed),
    ("6011000990139424", Behaviour::Succeed),
    ("4000000000000002", Behaviour::Decline("card_declined")),
    ("4000000000000069", Behaviour::Decline("expired_card")),
    ("4000000000000127", Behaviour::Decline("invalid_cvc")),
    ("4000000000000119", Behaviour::Decline("processing_error")),
    ("36227206271667", Behaviour::Decline("unacceptable_brand")),
    ("4000000000000036", Behaviour::Checks { cvc_check: None, address_zip_check: Some("failed") }),
    ("4000000000000101", Behaviour::Checks { cvc_check: Some("failed"), address_zip_check: None }),
    ("4000000000000044", Behaviour::Checks { cvc_check: Some("unavailable"), address_zip_check: None }),
    ("4000000000080319", Behaviour::ChargeFails("card_declined")),
    ("4000000000004012", Behaviour::ChargeFails("card_declined")),
    ("4000000000080202", Behaviour::ChargeFails("card_declined")),
    ("4000000000000077", Behaviour::ChargeFails("card_declined")),
];

pub fn test_card(number: &str) -> Option<Behaviour> {
    TEST_CARDS.iter().find(|(n, _)| *n == number).map(|(_, b)| *b)
}

/// The developer-facing message PAY.JP gives for a card error code.
pub fn decline_message(code: &str) -> &'static str {
    match code {
        "card_declined" => "Card declined",
        "expired_card" => "Card expired",
        "invalid_cvc" => "Invalid CVC",
        "processing_error" => "An error occurred while processing the card",
        "unacceptable_brand" => "Card brand is not accepted",
        "invalid_number" => "Invalid card number",
        "invalid_expiry_month" => "Invalid expiration month",
        "invalid_expiry_year" => "Invalid expiration year",
        "invalid_expiration_date" => "Invalid expiration date",
        "invalid_card_name" => "Card name must be 2 to 45 half-width characters from A-Z a-z 0-9 space . -",
        "invalid_email" => "Invalid email address",
        "invalid_phone" => "Invalid phone number",
        "test_card_on_livemode" => "Test cards cannot be used in live mode",
        _ => "Card error",
    }
}
