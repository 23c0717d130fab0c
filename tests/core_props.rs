//! Properties of the card core: nothing panics on any input, normalisation is idempotent,
//! formatting keeps the digits and the caret, the brand is one function of the input, and a
//! valid number stays valid whatever separators and invisible characters are put into it.
#![cfg(not(target_arch = "wasm32"))]

use payjp_wasm::core::email::COMMON_MAIL_DOMAINS;
use payjp_wasm::core::expiry::MAX_YEARS_AHEAD;
use payjp_wasm::core::normalize::{half_width_collapsed, CARD_NUMBER_SEPARATORS};
use payjp_wasm::core::{
    detect, detect_brand, field_state, format_card_number, kana_to_romaji, suggest_email, format_cvc, format_expiry, luhn_valid,
    normalize_card_number, reformat_card_number, reformat_expiry, validate_card_number, validate_cvc,
    validate_email, validate_expiry, validate_holder_name, validate_phone, EditKind, FieldKind, Lang,
    Network, YearMonth,
};
use proptest::prelude::*;

mod common;

/// Characters a card field actually meets: ASCII and full-width digits, every separator, and a
/// few troublemakers (letters, circled digits, astral characters).
fn card_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('0', '9'),
        3 => proptest::char::range('\u{FF10}', '\u{FF19}'),
        2 => proptest::sample::select(vec![' ', '-', '\u{3000}', '\u{00A0}', '\u{FF0D}', '\u{30FC}', '\u{FF70}', '\u{2010}', '\u{2015}', '\u{2212}', '/', '\u{FF0F}']),
        1 => proptest::sample::select(INVISIBLE.to_vec()),
        1 => proptest::sample::select(vec!['a', 'Z', '①', '.', '\u{1D7CE}', '山', '\u{301C}']),
    ]
}

/// The invisible format characters every digit field drops (issue 18, 3).
const INVISIBLE: [char; 5] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

fn card_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(card_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

fn any_long_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..10_000).prop_map(|v| v.into_iter().collect())
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Non-separator characters before a UTF-16 offset.
fn tokens_before(s: &str, caret: usize) -> usize {
    let mut offset = 0;
    let mut n = 0;
    for c in s.chars() {
        if offset >= caret {
            break;
        }
        if !normalize_card_number(&c.to_string()).digits.is_empty() || normalize_card_number(&c.to_string()).has_invalid {
            n += 1;
        }
        offset += c.len_utf16();
    }
    n
}

/// What a name field meets: letters in both widths, every kind of space, invisible characters,
/// digits, kana and kanji.
fn name_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('A', 'Z'),
        2 => proptest::char::range('ａ', 'ｚ'),
        3 => proptest::sample::select(vec![' ', '\u{3000}', '\u{00A0}', '.', '-', '．', '－']),
        1 => proptest::sample::select(INVISIBLE.to_vec()),
        1 => proptest::char::range('0', '9'),
        1 => proptest::sample::select(vec!['ヤ', 'ﾔ', 'や', '山', 'É', '_']),
    ]
}

const NOW: YearMonth = YearMonth { year: 2026, month: 11 };

/// Every public function of the core that takes text, on `s` (and `s` beside its halves for the
/// ones that take two): none may panic, and the validators' results must be consistent.
fn run_every_validator(s: &str) {
    let number = validate_card_number(s);
    assert!(number.problem.is_none() || !number.is_potentially_valid);
    assert!(!number.is_valid || number.is_potentially_valid);
    let expiry = validate_expiry(s, NOW);
    assert!(expiry.problem.is_none() || !expiry.is_potentially_valid);
    assert!(!expiry.is_valid || expiry.problem.is_none());
    for check in [
        validate_cvc(s, None),
        validate_cvc(s, Some(Network::AmericanExpress)),
        validate_holder_name(s),
        validate_email(s),
        validate_phone(s),
    ] {
        assert!(check.problem.is_none() || !check.is_potentially_valid);
        assert!(!check.is_valid || check.problem.is_none());
    }
    let _ = (detect(s), detect_brand(s), normalize_card_number(s), luhn_valid(s), half_width_collapsed(s));
    let _ = (Lang::from_tag(s), Network::from_payjp_name(s), kana_to_romaji(s));
    if let Some(suggestion) = suggest_email(s) {
        assert!(validate_email(&suggestion).is_valid);
        assert_eq!(suggest_email(&suggestion), None);
    }
    let len = utf16_len(s);
    let half = s.char_indices().nth(s.chars().count() / 2).map_or(s.len(), |(i, _)| i);
    let (head, tail) = s.split_at(half);
    for caret in [0, len / 2, len, usize::MAX] {
        for f in [format_card_number(s, caret), format_expiry(s, caret), format_cvc(s, caret)] {
            assert!(f.caret <= utf16_len(&f.text));
        }
        for kind in [EditKind::Insert, EditKind::DeleteBackward, EditKind::DeleteForward] {
            for (previous, current) in [(s, head), (head, s), (tail, s), (s, s)] {
                for f in [reformat_card_number(previous, current, caret, kind), reformat_expiry(previous, current, caret, kind)] {
                    assert!(f.caret <= utf16_len(&f.text));
                }
            }
        }
    }
    for kind in [FieldKind::Number, FieldKind::Expiry, FieldKind::Cvc] {
        for network in [None, Some(Network::Visa), Some(Network::AmericanExpress), Some(Network::UnionPay)] {
            let _ = field_state(kind, s, network, true, true, NOW);
        }
    }
}

/// The ASCII digits a string holds, full-width ones converted.
fn digits_of(s: &str) -> String {
    s.chars().filter_map(payjp_wasm::core::normalize::ascii_digit).collect()
}

/// `body` followed by the digit that makes it pass Luhn.
fn with_check_digit(body: &str) -> String {
    (0..=9).map(|d| format!("{body}{d}")).find(|n| luhn_valid(n)).unwrap()
}

/// Valid numbers of every accepted brand and length: a brand's prefix, random digits, the Luhn
/// digit.
fn valid_card_number() -> impl Strategy<Value = String> {
    let prefixes: Vec<(&str, usize)> = vec![
        ("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("3528", 16), ("3589", 16),
        ("34", 15), ("37", 15), ("300", 14), ("305", 14), ("3095", 14), ("36", 14), ("38", 16),
        ("39", 14), ("6011", 16), ("644", 16), ("649", 16), ("65", 16),
    ];
    (proptest::sample::select(prefixes), proptest::collection::vec(0u8..10, 19)).prop_map(|((prefix, len), random)| {
        let mut body = prefix.to_string();
        body.extend(random.iter().map(|d| char::from(b'0' + d)).take(len - 1 - prefix.len()));
        with_check_digit(&body)
    })
}

/// Every character the card number drops: the separator table and the invisible characters.
fn dropped_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::sample::select(CARD_NUMBER_SEPARATORS.to_vec()),
        proptest::sample::select(INVISIBLE.to_vec()),
    ]
}

/// Inserts each `(position, character)` into `number` (positions taken modulo the length so
/// far) and writes the digits picked by `wide` in full width.
fn scatter(number: &str, inserts: &[(usize, char)], wide: &[bool]) -> String {
    let mut chars: Vec<char> = number
        .chars()
        .zip(wide.iter().chain(std::iter::repeat(&false)))
        .map(|(c, &w)| if w { char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap() } else { c })
        .collect();
    for &(at, c) in inserts {
        chars.insert(at % (chars.len() + 1), c);
    }
    chars.into_iter().collect()
}

/// The digits (ASCII or full-width) before a UTF-16 offset.
fn digits_before(s: &str, caret: usize) -> usize {
    let mut offset = 0;
    s.chars()
        .take_while(|c| {
            let here = offset;
            offset += c.len_utf16();
            here < caret
        })
        .filter(|c| payjp_wasm::core::normalize::ascii_digit(*c).is_some())
        .count()
}

/// Everything the expiry validator takes between month and year: nothing, a slash in either
/// width, a dash of the card number's table, a space, with spaces around it.
const EXPIRY_SEPARATORS: [&str; 17] = [
    "", "/", " / ", "／", " ／ ", "　／　", "-", " - ", "ー", "ｰ", "－", "\u{2010}", "\u{2015}", "\u{2212}", " ",
    "　", "\u{00A0}",
];

/// Month `month` of year `year` as a buyer may write it, with `separator` between them: one or
/// two month digits, two or four year digits, digits picked by `wide` in full width, invisible
/// characters anywhere.
fn write_expiry(
    (month, year): (u8, u16),
    separator: &str,
    (two_digit_month, four_digit_year): (bool, bool),
    wide: &[bool],
    invisible: &[(usize, char)],
) -> String {
    let month = if two_digit_month { format!("{month:02}") } else { month.to_string() };
    let year = if four_digit_year { year.to_string() } else { format!("{:02}", year % 100) };
    let mut chars: Vec<char> = format!("{month}{separator}{year}")
        .chars()
        .zip(wide.iter().chain(std::iter::repeat(&false)))
        .map(|(c, &w)| if w && c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap() } else { c })
        .collect();
    for &(at, c) in invisible {
        chars.insert(at % (chars.len() + 1), c);
    }
    chars.into_iter().collect()
}

/// A month and year in the window from `NOW`: November 2026 to December 2046.
fn expiry_in_window() -> impl Strategy<Value = (u8, u16)> {
    (1u8..=12, 0u16..=MAX_YEARS_AHEAD)
        .prop_map(|(month, ahead)| (month, if ahead == 0 && month < NOW.month { NOW.year + 1 } else { NOW.year + ahead }))
}

/// What the validator trims from the end of an expiry (a space typed after a one-digit month,
/// `1 `, waits there but ends the month in the formatter, which shows `01`).
fn ends_in_space(s: &str) -> bool {
    s.trim_end_matches(INVISIBLE).ends_with([' ', '\u{3000}', '\u{00A0}'])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn nothing_panics_on_short_unicode(s in any::<String>()) {
        run_every_validator(&s);
    }

    #[test]
    fn nothing_panics_on_card_like_text(s in card_text()) {
        run_every_validator(&s);
    }

    #[test]
    fn normalising_twice_equals_normalising_once(s in card_text()) {
        let once = normalize_card_number(&s);
        let twice = normalize_card_number(&once.digits);
        prop_assert_eq!(&twice.digits, &once.digits);
        prop_assert!(!twice.has_invalid);
        prop_assert!(once.digits.bytes().all(|b| b.is_ascii_digit()));
    }

    #[test]
    fn field_normalisation_is_idempotent(s in any::<String>()) {
        for validate in [validate_holder_name, validate_email] {
            let once = validate(&s);
            let twice = validate(&once.value);
            prop_assert_eq!(&twice.value, &once.value);
            prop_assert_eq!((twice.is_valid, twice.problem), (once.is_valid, once.problem));
        }
        let phone = validate_phone(&s);
        if phone.is_valid {
            let again = validate_phone(&phone.value);
            prop_assert!(again.is_valid);
            prop_assert_eq!(again.value, phone.value);
        }
    }

    #[test]
    fn formatting_keeps_digits_and_the_caret(s in card_text(), caret_seed in 0usize..64) {
        let caret = caret_seed.min(utf16_len(&s));
        let f = format_card_number(&s, caret);
        // The same digits, in the same order.
        prop_assert_eq!(normalize_card_number(&f.text).digits, normalize_card_number(&s).digits);
        // The caret is in range and sits after the same token.
        prop_assert!(f.caret <= utf16_len(&f.text));
        prop_assert_eq!(tokens_before(&f.text, f.caret), tokens_before(&s, caret));
        // Never in the middle of a surrogate pair.
        prop_assert!(f.text.char_indices().map(|(i, _)| utf16_len(&f.text[..i])).chain([utf16_len(&f.text)]).any(|o| o == f.caret));
        // Formatting is a fixed point.
        let again = format_card_number(&f.text, f.caret);
        prop_assert_eq!(&again.text, &f.text);
        prop_assert_eq!(again.caret, f.caret);
    }

    #[test]
    fn validity_does_not_depend_on_formatting(s in card_text()) {
        let f = format_card_number(&s, 0);
        let a = validate_card_number(&s);
        let b = validate_card_number(&f.text);
        prop_assert_eq!(a.is_valid, b.is_valid);
        prop_assert_eq!(a.detection, b.detection);
    }

    #[test]
    fn the_brand_is_one_function_of_the_input(s in card_text()) {
        let brand = detect_brand(&s);
        prop_assert_eq!(validate_card_number(&s).detection, brand);
        for blurred in [false, true] {
            prop_assert_eq!(field_state(FieldKind::Number, &s, None, blurred, false, NOW).network, brand.network());
        }
        // What the element reports is the brand of the formatted text: the same.
        let formatted = format_card_number(&s, 0).text;
        prop_assert_eq!(detect_brand(&formatted), brand);
        prop_assert_eq!(reformat_card_number(&s, &s, 0, EditKind::Insert).text, formatted);
    }

    #[test]
    fn valid_numbers_stay_valid_with_separators_and_invisible_characters_anywhere(
        number in valid_card_number(),
        inserts in proptest::collection::vec((any::<usize>(), dropped_char()), 0..24),
        wide in proptest::collection::vec(any::<bool>(), 19),
    ) {
        let plain = validate_card_number(&number);
        prop_assert!(plain.is_valid);
        let typed = scatter(&number, &inserts, &wide);
        let check = validate_card_number(&typed);
        prop_assert!(check.is_valid, "{:?}", check);
        prop_assert_eq!(&check.digits, &number);
        prop_assert_eq!(check.detection, plain.detection);
        prop_assert_eq!(detect_brand(&typed), plain.detection);
        let formatted = format_card_number(&typed, 0).text;
        prop_assert!(validate_card_number(&formatted).is_valid);
        prop_assert_eq!(formatted, format_card_number(&number, 0).text);
    }

    #[test]
    fn expiry_and_cvc_formatting_keep_the_digits_and_are_fixed_points(s in card_text(), caret_seed in 0usize..64) {
        let caret = caret_seed.min(utf16_len(&s));
        let f = format_expiry(&s, caret);
        let (out, typed) = (digits_of(&f.text), digits_of(&s));
        // Never drops a digit; the one it may add is the leading zero of a one-digit month, once
        // a year digit or a separator has ended the month (`1/` shows `01`).
        prop_assert!(out == typed || (out == format!("0{typed}") && f.text.starts_with('0')), "{:?} {:?}", out, typed);
        prop_assert!(f.caret <= utf16_len(&f.text));
        let again = format_expiry(&f.text, f.caret);
        prop_assert_eq!((&again.text, again.caret), (&f.text, f.caret));
        prop_assert_eq!(reformat_expiry(&s, &s, caret, EditKind::Insert).text, f.text);

        let f = format_cvc(&s, caret);
        prop_assert_eq!(digits_of(&f.text), digits_of(&s));
        prop_assert!(!f.text.chars().any(|c| INVISIBLE.contains(&c)));
        prop_assert!(f.caret <= utf16_len(&f.text));
        let again = format_cvc(&f.text, f.caret);
        prop_assert_eq!((&again.text, again.caret), (&f.text, f.caret));
        prop_assert_eq!(validate_cvc(&f.text, None), validate_cvc(&s, None));
    }

    #[test]
    fn the_expiry_formatter_reads_digits_as_the_validator_does(
        digits in proptest::collection::vec(0u8..10, 0..8),
        wide in proptest::collection::vec(any::<bool>(), 8),
        inserts in proptest::collection::vec((any::<usize>(), proptest::sample::select(INVISIBLE.to_vec())), 0..3),
    ) {
        let digits: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let typed = scatter(&digits, &inserts, &wide);
        let formatted = format_expiry(&typed, 0).text;
        prop_assert_eq!(validate_expiry(&formatted, NOW), validate_expiry(&typed, NOW), "{:?} -> {:?}", typed, formatted);
    }

    /// Every way of writing a date in the window that the validator reads as that date formats,
    /// pasted or typed key by key, to text it reads as the same date; formatting that text again
    /// changes nothing, and the caret stays after the same digit.
    #[test]
    fn every_way_of_writing_an_expiry_formats_to_the_same_date(
        date in expiry_in_window(),
        separator in proptest::sample::select(EXPIRY_SEPARATORS.to_vec()),
        widths in any::<(bool, bool)>(),
        wide in proptest::collection::vec(any::<bool>(), 8),
        invisible in proptest::collection::vec((any::<usize>(), proptest::sample::select(INVISIBLE.to_vec())), 0..3),
    ) {
        let written = write_expiry(date, separator, widths, &wide, &invisible);
        let check = validate_expiry(&written, NOW);
        if separator.is_empty() && (check.month, check.year) != (Some(date.0), Some(date.1)) {
            // Digits alone are read as MMYY first: `127` is December, not January 2027.
            return Ok(());
        }
        prop_assert_eq!((check.month, check.year, check.is_valid), (Some(date.0), Some(date.1), true), "{:?}", written);

        let end = utf16_len(&written);
        let pasted = format_expiry(&written, end);
        let shown = validate_expiry(&pasted.text, NOW);
        prop_assert_eq!((shown.month, shown.year, shown.is_valid), (check.month, check.year, true), "{:?} -> {:?}", written, pasted.text);
        prop_assert_eq!(pasted.caret, utf16_len(&pasted.text));
        prop_assert_eq!(&format_expiry(&pasted.text, pasted.caret), &pasted);
        let typed = common::type_expiry(&written);
        prop_assert_eq!(typed.last(), Some(&pasted), "{:?}", written);
        for step in &typed {
            prop_assert_eq!(&format_expiry(&step.text, step.caret), step);
        }
        // After the same digit, or after the leading zero the formatter gave a one-digit month.
        let padded = digits_of(&pasted.text).len() > digits_of(&written).len();
        for caret in 0..=end {
            let f = format_expiry(&written, caret);
            prop_assert_eq!(&f.text, &pasted.text);
            let before = digits_before(&written, caret);
            prop_assert_eq!(digits_before(&f.text, f.caret), before + usize::from(padded && before > 0), "{:?} at {}", written, caret);
        }
    }

    /// Formatting keeps what the validator reads: the month, and a whole reading (month, year,
    /// validity, problem) when the year is read or nothing is wrong yet. Typing key by key shows
    /// what pasting shows.
    #[test]
    fn the_expiry_formatter_keeps_the_validators_reading(v in proptest::collection::vec(card_char(), 0..12)) {
        let s: String = v.into_iter().collect();
        let f = format_expiry(&s, utf16_len(&s));
        let (typed, shown) = (validate_expiry(&s, NOW), validate_expiry(&f.text, NOW));
        if typed.month.is_some() {
            prop_assert_eq!(shown.month, typed.month, "{:?} -> {:?}", s, f.text);
        }
        if typed.year.is_some() || (typed.is_potentially_valid && !ends_in_space(&s)) {
            prop_assert_eq!(shown, typed, "{:?} -> {:?}", s, f.text);
        }
        let typed_keys = common::type_expiry(&s);
        prop_assert_eq!(typed_keys.last().unwrap_or(&f), &f, "{:?}", s);
    }

    /// Deleting one character of a formatted expiry, with Backspace or Delete, leaves formatted
    /// text with one digit fewer (or the leading zero in its place), the caret in range.
    #[test]
    fn deleting_from_an_expiry(v in proptest::collection::vec(card_char(), 0..12), caret_seed in 0usize..16, back in any::<bool>()) {
        let s: String = v.into_iter().collect();
        let previous = format_expiry(&s, 0).text;
        let chars: Vec<char> = previous.chars().collect();
        let at = caret_seed.min(chars.len());
        let (kind, remove_at) = if back { (EditKind::DeleteBackward, at.checked_sub(1)) } else { (EditKind::DeleteForward, (at < chars.len()).then_some(at)) };
        let Some(i) = remove_at else { return Ok(()) };
        let mut current = chars.clone();
        current.remove(i);
        let current: String = current.into_iter().collect();
        let f = reformat_expiry(&previous, &current, utf16_len(&chars[..i].iter().collect::<String>()), kind);
        prop_assert!(f.caret <= utf16_len(&f.text));
        prop_assert_eq!(&format_expiry(&f.text, f.caret), &f);
        let (was, now) = (digits_of(&previous).len(), digits_of(&f.text).len());
        prop_assert!(now <= was && now + 1 >= was, "{:?} -> {:?} -> {:?}", previous, current, f.text);
    }

    #[test]
    fn name_normalisation_is_idempotent(s in proptest::collection::vec(name_char(), 0..60).prop_map(|v| v.into_iter().collect::<String>())) {
        let once = validate_holder_name(&s);
        let twice = validate_holder_name(&once.value);
        prop_assert_eq!(&twice.value, &once.value);
        prop_assert_eq!((twice.is_valid, twice.problem), (once.is_valid, once.problem));
        let spaces = ['\u{00A0}', '\u{3000}'];
        prop_assert!(!once.value.contains(spaces));
        prop_assert!(!once.value.chars().any(|c| INVISIBLE.contains(&c)));
    }

    #[test]
    fn email_suggestions_are_common_domains_near_what_was_typed(
        local in "[a-z0-9._+-]{1,12}",
        domain in prop_oneof![
            proptest::sample::select(COMMON_MAIL_DOMAINS.to_vec()).prop_map(String::from),
            "[a-z.]{1,14}",
        ],
        slip in any::<(usize, u8)>(),
    ) {
        // The domain, possibly with one character replaced.
        let mut typed: Vec<u8> = domain.clone().into_bytes();
        let at = slip.0 % typed.len();
        typed[at] = b"abcdefghijklmnopqrstuvwxyz."[usize::from(slip.1) % 27];
        let typed = String::from_utf8(typed).unwrap();
        let address = format!("{local}@{typed}");
        match suggest_email(&address) {
            Some(suggestion) => {
                let (l, d) = suggestion.split_once('@').unwrap();
                prop_assert_eq!(l, local.as_str());
                prop_assert!(COMMON_MAIL_DOMAINS.contains(&d));
                prop_assert_ne!(d, typed.as_str());
                prop_assert!(d.len().abs_diff(typed.len()) <= 3);
            }
            // One slip from a common domain is always caught (unless it is one of the others, or
            // the address is invalid whatever its domain: `.@gmial.com`).
            None => prop_assert!(
                !COMMON_MAIL_DOMAINS.contains(&domain.as_str()) || typed == domain || COMMON_MAIL_DOMAINS.contains(&typed.as_str())
                    || ["mail.com", "email.com", "ymail.com"].contains(&typed.as_str())
                    || !validate_email(&format!("{local}@{domain}")).is_valid,
                "{:?}", address
            ),
        }
    }

    #[test]
    fn deleting_never_panics_and_keeps_the_caret_in_range(s in card_text(), caret_seed in 0usize..64, back in any::<bool>()) {
        let previous = format_card_number(&s, 0).text;
        let len = utf16_len(&previous);
        let caret = caret_seed.min(len);
        let kind = if back { EditKind::DeleteBackward } else { EditKind::DeleteForward };
        // Remove one character at the caret, as the browser would.
        let chars: Vec<char> = previous.chars().collect();
        let idx = previous.chars().scan(0, |o, c| { let start = *o; *o += c.len_utf16(); Some(start) }).position(|o| o >= caret).unwrap_or(chars.len());
        let remove_at = if back { idx.checked_sub(1) } else { (idx < chars.len()).then_some(idx) };
        let mut current = chars.clone();
        let new_caret = match remove_at {
            Some(i) => { current.remove(i); chars[..i].iter().map(|c| c.len_utf16()).sum() }
            None => caret,
        };
        let current: String = current.into_iter().collect();
        let f = reformat_card_number(&previous, &current, new_caret, kind);
        prop_assert!(f.caret <= utf16_len(&f.text));
        // A deletion never adds digits.
        prop_assert!(normalize_card_number(&f.text).digits.len() <= normalize_card_number(&previous).digits.len());
        if remove_at.is_some() {
            prop_assert!(normalize_card_number(&f.text).digits.len() + 1 >= normalize_card_number(&previous).digits.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn nothing_panics_on_ten_thousand_characters(s in any_long_text()) {
        run_every_validator(&s);
    }

    #[test]
    fn nothing_panics_on_ten_thousand_card_characters(v in proptest::collection::vec(card_char(), 9_000..10_000)) {
        let s: String = v.into_iter().collect();
        run_every_validator(&s);
        let f = format_card_number(&s, utf16_len(&s));
        prop_assert_eq!(f.caret, utf16_len(&f.text));
    }
}
