//! Card numbers: normalisation, brands, Luhn, validation and formatting, as tables of real cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{full_width, TEST_CARDS};
use payjp_wasm::core::{
    detect, format_card_number, luhn_valid, normalize_card_number, reformat_card_number,
    validate_card_number, Detection, EditKind, ErrorCode, Network,
};

#[test]
fn every_test_card_is_valid_with_its_brand() {
    for (number, brand) in TEST_CARDS {
        let check = validate_card_number(number);
        assert!(check.is_valid, "{number} should be valid");
        assert_eq!(check.detection.brand_name(), *brand, "{number}");
        assert_eq!(check.problem, None, "{number}");
        assert_eq!(check.digits, *number);
    }
}

#[test]
fn test_cards_typed_in_full_width_with_separators_are_valid() {
    for (number, brand) in TEST_CARDS {
        let grouped = format_card_number(number, 0).text;
        for typed in [
            full_width(number),
            full_width(&grouped),
            grouped.replace(' ', "-"),
            grouped.replace(' ', "\u{30FC}"),
            grouped.replace(' ', "\u{2212}"),
            grouped.replace(' ', "\u{00A0}"),
        ] {
            let check = validate_card_number(&typed);
            assert!(check.is_valid, "{brand} typed as {typed:?}");
            assert_eq!(check.digits, *number);
        }
    }
}

#[test]
fn every_listed_separator_is_dropped() {
    let separators = [
        ' ', '-', '\u{3000}', '\u{00A0}', '\u{FF0D}', '\u{30FC}', '\u{FF70}', '\u{2010}', '\u{2011}',
        '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
        // Invisible format characters (issue 18, 3).
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
    ];
    for sep in separators {
        let typed = format!("4242{sep}4242{sep}4242{sep}4242");
        let n = normalize_card_number(&typed);
        assert_eq!(n.digits, "4242424242424242", "separator U+{:04X}", sep as u32);
        assert!(!n.has_invalid, "separator U+{:04X}", sep as u32);
    }
}

#[test]
fn characters_outside_the_table_make_the_number_invalid() {
    // NFKC would turn ① into 1 and keep going; we refuse it. Likewise letters, dots, tabs,
    // the wave dash and the full-width slash.
    for bad in ['①', 'a', 'O', 'l', '.', '\t', '\u{301C}', '\u{FF0F}', '_', '+'] {
        let typed = format!("4242 4242 4242 424{bad}2");
        let check = validate_card_number(&typed);
        assert!(!check.is_valid, "{bad:?}");
        assert!(!check.is_potentially_valid, "{bad:?}");
        assert_eq!(check.problem.map(|p| p.code()), Some(ErrorCode::InvalidNumber), "{bad:?}");
    }
}

#[test]
fn brand_detection_table() {
    use Network::*;
    let cases: &[(&str, Detection)] = &[
        ("", Detection::Ambiguous),
        ("4", Detection::Known(Visa)),
        ("41", Detection::Known(Visa)),
        ("5", Detection::Ambiguous), // MasterCard 51-55 or Maestro 50/56-58
        ("51", Detection::Known(MasterCard)),
        ("55", Detection::Known(MasterCard)),
        ("2", Detection::Ambiguous), // MasterCard 2221-2720 or Mir 2200-2204
        ("22", Detection::Ambiguous),
        ("222", Detection::Known(MasterCard)),
        ("2221", Detection::Known(MasterCard)),
        ("2720", Detection::Known(MasterCard)),
        ("2721", Detection::NoMatch),
        ("2220", Detection::NoMatch),
        ("2200", Detection::Known(Mir)),
        ("2204", Detection::Known(Mir)),
        ("3", Detection::Ambiguous),
        ("35", Detection::Known(Jcb)),
        ("3528", Detection::Known(Jcb)),
        ("3589", Detection::Known(Jcb)),
        ("3527", Detection::NoMatch),
        ("3590", Detection::NoMatch),
        ("34", Detection::Known(AmericanExpress)),
        ("37", Detection::Known(AmericanExpress)),
        ("300", Detection::Known(DinersClub)),
        ("305", Detection::Known(DinersClub)),
        ("306", Detection::NoMatch),
        ("3095", Detection::Known(DinersClub)),
        ("3096", Detection::NoMatch),
        ("36", Detection::Known(DinersClub)),
        ("38", Detection::Known(DinersClub)),
        ("39", Detection::Known(DinersClub)),
        ("6", Detection::Ambiguous),
        ("60", Detection::Known(Discover)),
        ("6011", Detection::Known(Discover)),
        ("6012", Detection::NoMatch),
        ("644", Detection::Known(Discover)),
        ("649", Detection::Known(Discover)),
        ("65", Detection::Known(Discover)),
        ("62", Detection::Known(UnionPay)),
        ("622126", Detection::Known(UnionPay)),
        ("622925", Detection::Known(UnionPay)),
        ("81", Detection::Known(UnionPay)),
        ("50", Detection::Known(Maestro)),
        ("56", Detection::Known(Maestro)),
        ("6304", Detection::Known(Maestro)),
        ("6759", Detection::Known(Maestro)),
        ("1", Detection::NoMatch),
        ("9", Detection::NoMatch),
        ("0", Detection::NoMatch),
    ];
    for (digits, expected) in cases {
        assert_eq!(detect(digits), *expected, "{digits:?}");
    }
}

#[test]
fn unaccepted_brands_are_recognised_not_garbage() {
    for number in [
        "6221260000000000", // UnionPay, inside the Discover co-badge range
        "6229250000000000",
        "6200000000000000",
        "5018000000000009", // Maestro
        "6759649826438453",
        "2200000000000004", // Mir
    ] {
        let check = validate_card_number(number);
        assert!(!check.is_valid && !check.is_potentially_valid, "{number}");
        assert_eq!(check.problem.map(|p| p.code()), Some(ErrorCode::UnacceptableBrand), "{number}");
        assert_eq!(check.detection.brand_name(), "unknown", "{number}");
    }
}

#[test]
fn luhn_table() {
    let cases = [
        ("4242424242424242", true),
        ("4242424242424241", false),
        ("79927398713", true),
        ("79927398710", false),
        ("0", true),
        ("", false),
        ("42424242424242a2", false),
        ("378282246310005", true),
        ("378282246310006", false),
    ];
    for (digits, expected) in cases {
        assert_eq!(luhn_valid(digits), expected, "{digits:?}");
    }
}

#[test]
fn validation_states_while_typing() {
    // (input, is_valid, is_potentially_valid, code)
    let cases: &[(&str, bool, bool, Option<ErrorCode>)] = &[
        ("", false, true, None),
        ("4", false, true, None),
        ("4242 4242", false, true, None),
        ("4242 4242 4242 424", false, true, None),
        ("4242 4242 4242 4242", true, true, None),
        ("4242 4242 4242 4241", false, false, Some(ErrorCode::InvalidNumber)),
        ("4242 4242 4242 42424", false, false, Some(ErrorCode::InvalidNumber)),
        ("3782 822463 10005", true, true, None),
        ("3782 822463 1000", false, true, None),
        ("3782 822463 100051", false, false, Some(ErrorCode::InvalidNumber)),
        // Diners: 14 digits valid, 15 waits for 16.
        ("3852 000002 3237", true, true, None),
        ("3852 000002 32370", false, true, None),
        ("1234", false, false, Some(ErrorCode::InvalidNumber)),
        ("6212 3456 7890 1234", false, false, Some(ErrorCode::UnacceptableBrand)),
        ("4242 4242 4242 4242 4242", false, false, Some(ErrorCode::InvalidNumber)),
        ("   ", false, true, None),
    ];
    for (input, valid, potential, code) in cases {
        let check = validate_card_number(input);
        assert_eq!(check.is_valid, *valid, "{input:?} valid");
        assert_eq!(check.is_potentially_valid, *potential, "{input:?} potentially valid");
        assert_eq!(check.problem.map(|p| p.code()), *code, "{input:?} code");
    }
}

#[test]
fn formatting_table() {
    // (input, caret, output, caret out): `|` in the comments marks the caret.
    let cases: &[(&str, usize, &str, usize)] = &[
        ("", 0, "", 0),
        ("4", 1, "4", 1),
        ("4242", 4, "4242", 4),
        ("42424", 5, "4242 4", 6),             // typing the fifth digit jumps the space
        ("4242424242424242", 16, "4242 4242 4242 4242", 19),
        ("4242 4242 4242 4242", 19, "4242 4242 4242 4242", 19),
        ("378282246310005", 15, "3782 822463 10005", 17), // Amex 4-6-5
        ("38520000023237", 14, "3852 000002 3237", 16),   // Diners 14: 4-6-4
        ("3852000002323700", 16, "3852 0000 0232 3700", 19), // Diners 16: 4-4-4-4
        // Editing in the middle: "4242 4|242" + "9" typed -> caret stays after the 9.
        ("4242 49242", 7, "4242 4924 2", 7),
        // Caret at the start stays there.
        ("4242 4242", 0, "4242 4242", 0),
        // Pasted with spaces and full-width digits.
        ("４２４２ ４２４２ ４２４２ ４２４２", 19, "4242 4242 4242 4242", 19),
        ("4242-4242-4242-4242", 19, "4242 4242 4242 4242", 19),
        // A trailing separator is dropped.
        ("4242 ", 5, "4242", 4),
        // Invalid characters are kept in place so the buyer can see and fix them.
        ("4242a", 5, "4242 a", 6),
        // Caret past the end is clamped.
        ("42", 99, "42", 2),
    ];
    for (input, caret, out, caret_out) in cases {
        let f = format_card_number(input, *caret);
        assert_eq!(f.text, *out, "{input:?}");
        assert_eq!(f.caret, *caret_out, "{input:?} caret");
    }
}

#[test]
fn caret_counts_utf16_code_units() {
    // U+1D7CE MATHEMATICAL BOLD DIGIT ZERO is two UTF-16 units and invalid: it is kept.
    let f = format_card_number("4\u{1D7CE}4", 3);
    assert_eq!(f.text, "4\u{1D7CE}4");
    assert_eq!(f.caret, 3);
}

#[test]
fn backspace_across_a_separator_deletes_the_digit_before_it() {
    // "4242 |4242": Backspace removes the space, leaving "4242|4242" with the caret at 4.
    let f = reformat_card_number("4242 4242", "42424242", 4, EditKind::DeleteBackward);
    assert_eq!(f.text, "4244 242");
    assert_eq!(f.caret, 3);
    // Delete at "4242| 4242" removes the space; the digit after it goes.
    let f = reformat_card_number("4242 4242", "42424242", 4, EditKind::DeleteForward);
    assert_eq!(f.text, "4242 242");
    assert_eq!(f.caret, 4);
    // A normal backspace of a digit just reformats.
    let f = reformat_card_number("4242 4242", "4242 424", 8, EditKind::DeleteBackward);
    assert_eq!(f.text, "4242 424");
    assert_eq!(f.caret, 8);
    // Typing is never turned into a deletion.
    let f = reformat_card_number("4242 4242", "42424242", 4, EditKind::Insert);
    assert_eq!(f.text, "4242 4242");
}

#[test]
fn debug_output_never_shows_card_digits() {
    let check = validate_card_number("4242424242424242");
    let shown = format!("{check:?} {:?} {:?}", normalize_card_number("4242424242424242"), format_card_number("4242424242424242", 0));
    assert!(!shown.contains("4242"), "{shown}");
}

#[test]
fn expiry_formatting_table() {
    use payjp_wasm::core::{format_expiry, reformat_expiry};
    let cases: &[(&str, usize, &str, usize)] = &[
        ("", 0, "", 0),
        ("1", 1, "1", 1),
        ("12", 2, "12", 2),
        ("123", 3, "12 / 3", 6),
        ("1230", 4, "12 / 30", 7),
        ("12/30", 5, "12 / 30", 7),
        ("12 / 30", 7, "12 / 30", 7),
        ("１２／３０", 5, "12 / 30", 7),
        ("130", 3, "01 / 30", 7),
        ("230", 3, "02 / 30", 7),
        ("2", 1, "2", 1),
        ("12/2030", 7, "12 / 2030", 9),
        ("12 / ", 5, "12", 2),
        // Editing the month keeps the caret after the typed digit.
        ("1 / 30", 1, "01 / 30", 2),
    ];
    for (input, caret, out, caret_out) in cases {
        let f = format_expiry(input, *caret);
        assert_eq!((f.text.as_str(), f.caret), (*out, *caret_out), "{input:?}");
    }
    // Backspace right after the separator deletes the month's last digit.
    let f = reformat_expiry("12 / 3", "12 /3", 4, EditKind::DeleteBackward);
    // "13" then reads as January, year "3", as the validator reads digits.
    assert_eq!((f.text.as_str(), f.caret), ("01 / 3", 2));
}

/// Issue 18, 3: invisible format characters pasted from chat apps and PDFs are dropped and get no
/// digit slot; 4: half-width `ｰ` separates like `ー`.
#[test]
fn invisible_characters_and_half_width_prolonged_mark_are_dropped() {
    for typed in [
        "4242\u{200B}4242\u{200B}4242\u{200B}4242",
        "\u{FEFF}4242424242424242",
        "4242424242424242\u{FEFF}",
        "4242\u{200C}4242\u{200D}4242\u{2060}4242",
        "4\u{200B}2\u{200B}4\u{200B}2 4242 4242 4242",
        "4242ｰ4242ｰ4242ｰ4242",
        "４２４２ｰ４２４２ｰ４２４２ｰ４２４２",
    ] {
        let check = validate_card_number(typed);
        assert!(check.is_valid, "{typed:?}: {check:?}");
        assert_eq!(check.digits, "4242424242424242", "{typed:?}");
        assert_eq!(check.detection.brand_name(), "Visa", "{typed:?}");
    }
    // (input, caret, output, caret out)
    let cases: &[(&str, usize, &str, usize)] = &[
        // The example: the invisible character took a digit slot ("4242 \u{200B}424 2").
        ("4242\u{200B}4242", 9, "4242 4242", 9),
        ("\u{FEFF}4242", 5, "4242", 4),
        ("42\u{200D}42 4", 3, "4242 4", 2),
        ("4242ｰ4242", 9, "4242 4242", 9),
        ("3782ｰ822463ｰ10005", 17, "3782 822463 10005", 17),
    ];
    for (input, caret, out, caret_out) in cases {
        let f = format_card_number(input, *caret);
        assert_eq!((f.text.as_str(), f.caret), (*out, *caret_out), "{input:?}");
    }
}

/// Issue 18, 7: a number with a character that is neither a digit nor a separator has no brand,
/// and every API that reports a brand says so.
#[test]
fn the_brand_is_one_rule_for_every_api() {
    use payjp_wasm::core::{detect_brand, field_state, FieldKind, YearMonth};
    let now = YearMonth { year: 2026, month: 11 };
    // (input, brand)
    let cases: &[(&str, &str)] = &[
        ("4a", "unknown"),
        ("a4", "unknown"),
        ("4242 4242 4242 424a", "unknown"),
        ("3782 822463 1000O", "unknown"),
        ("4①", "unknown"),
        ("4", "Visa"),
        ("4\u{200B}", "Visa"),
        ("４ｰ", "Visa"),
        ("37", "American Express"),
        ("", "unknown"),
    ];
    for (input, brand) in cases {
        let detected = detect_brand(input);
        assert_eq!(detected.brand_name(), *brand, "{input:?}");
        assert_eq!(validate_card_number(input).detection, detected, "{input:?}");
        let state = field_state(FieldKind::Number, input, None, false, false, now);
        assert_eq!(state.network, detected.network(), "{input:?}");
    }
    assert_eq!(detect_brand("4a"), Detection::NoMatch);
}
