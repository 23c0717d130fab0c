//! A card-holder name suggestion from kana: katakana, hiragana and half-width katakana (with
//! their voicing marks) in passport Hepburn, uppercase ASCII (`ヤマダ タロウ`, `やまだ たろう`,
//! `ﾔﾏﾀﾞ ﾀﾛｳ` → `YAMADA TARO`). Deterministic, so a buyer who typed kana gets one tap to a
//! name PAY.JP accepts; kanji have several readings and are refused, never guessed.
//!
//! Passport Hepburn (the Ministry of Foreign Affairs' rules, which passports and Japanese card
//! issuers follow) differs from textbook Hepburn in what matters here:
//! - `ン` is `M` before B, M and P (`ホンマ` HOMMA), else `N`, with no apostrophe before a vowel
//!   or Y (`シンイチ` SHINICHI);
//! - `ッ` doubles the next consonant, and is `T` before CH (`ハッチョウ` HATCHO);
//! - long vowels are not written: `ウ` after O or U is dropped (`タロウ` TARO, `ユウコ` YUKO),
//!   and `オ` after O inside a word (`オオノ` ONO), but a word-final `オオ` keeps both (`ヨコオ`
//!   YOKOO, as the passport tables write it); `ー` is dropped; no macrons, no `OH` (a passport
//!   option the buyer can type);
//! - small vowels are written as vowels (`ファ` FUA, `ティ` TEI, `ヴァ` BUA), and `ヂ`/`ヅ` are
//!   JI/ZU, `ヲ` is O, `ヴ` is BU.
//!
//! Readings that depend on where one word of a name ends (`コウチワ` is KOUCHIWA, not KOCHIWA)
//! cannot be known from kana; the buyer edits the suggestion.

#[allow(unused_imports)]
use crate::prelude::*;

use super::holder_name::is_name_char;
use super::normalize::{half_width_collapsed, is_invisible, to_half_width};

/// Why there is no suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RomajiError {
    /// The name holds kanji: their reading cannot be known, so the buyer must type it.
    Kanji,
    /// A character that is neither kana, a Latin letter, a digit, a space, `.` nor `-`.
    Unconvertible,
}

/// The romaji of the katakana U+30A1–U+30F4 in code point order. Lowercase marks what is not a
/// syllable of its own: small vowels and small ya/yu/yo join the syllable before, `q` is `ッ`,
/// `n` is `ン`. Three bytes each, space-padded. Bytes, and byte comparisons below: str patterns
/// and slices would bring in kilobytes of searching and panic formatting.
const KATAKANA: &[u8; 252] = b"a  A  i  I  u  U  e  E  o  O  KA GA KI GI KU GU KE GE KO GO SA ZA SHIJI SU ZU SE ZE SO ZO \
TA DA CHIJI q  TSUZU TE DE TO DO NA NI NU NE NO HA BA PA HI BI PI FU BU PU HE BE PE HO BO \
PO MA MI MU ME MO ya YA yu YU yo YO RA RI RU RE RO WA WA I  E  O  n  BU ";

/// Half-width katakana U+FF66–U+FF9D, as their full-width forms' offsets from U+30A0:
/// ヲァィゥェォャュョッー アイウエオ カキクケコ サシスセソ タチツテト ナニヌネノ ハヒフヘホ マミムメモ
/// ヤユヨ ラリルレロ ワン.
const HALF_WIDTH: [u8; 56] = [
    0x52, 0x01, 0x03, 0x05, 0x07, 0x09, 0x43, 0x45, 0x47, 0x23, 0x5C, // ヲァィゥェォャュョッー
    0x02, 0x04, 0x06, 0x08, 0x0A, // アイウエオ
    0x0B, 0x0D, 0x0F, 0x11, 0x13, // カキクケコ
    0x15, 0x17, 0x19, 0x1B, 0x1D, // サシスセソ
    0x1F, 0x21, 0x24, 0x26, 0x28, // タチツテト
    0x2A, 0x2B, 0x2C, 0x2D, 0x2E, // ナニヌネノ
    0x2F, 0x32, 0x35, 0x38, 0x3B, // ハヒフヘホ
    0x3E, 0x3F, 0x40, 0x41, 0x42, // マミムメモ
    0x44, 0x46, 0x48, // ヤユヨ
    0x49, 0x4A, 0x4B, 0x4C, 0x4D, // ラリルレロ
    0x4F, 0x53, // ワン
];

fn is_kanji(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'   // 々 〆 〇
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// `kana` with a voicing mark: `カ` + `゛` is `ガ`, `ハ` + `゜` is `パ`, `ウ` + `゛` is `ヴ`.
fn voiced(kana: char, semi: bool) -> Option<char> {
    let k = kana as u32;
    // ハ ヒ フ ヘ ホ are every third code point from U+30CF, each followed by its voiced and
    // semi-voiced forms; カ to チ are the odd code points U+30AB–U+30C1, ツ テ ト the even ones
    // U+30C4–U+30C8, each followed by its voiced form.
    let ha_row = (0x30CF..=0x30DB).contains(&k) && (k - 0x30CF) % 3 == 0;
    let step = match (semi, kana) {
        (true, _) if ha_row => 2,
        (false, 'ウ') => return Some('ヴ'),
        (false, _) if ha_row || ((0x30AB..=0x30C1).contains(&k) && k % 2 == 1) || ((0x30C4..=0x30C8).contains(&k) && k % 2 == 0) => 1,
        _ => return None,
    };
    char::from_u32(k + step)
}

/// The input as full-width katakana (the syllables), spaces and name characters; long vowel
/// marks and invisible characters dropped, voicing marks applied.
fn units(input: &str) -> Result<Vec<char>, RomajiError> {
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for c in input.chars() {
        let unit = match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60),
            '\u{FF66}'..='\u{FF9D}' => char::from_u32(0x30A0 + u32::from(HALF_WIDTH[c as usize - 0xFF66])),
            '\u{3099}' | '\u{309B}' | '\u{FF9E}' | '\u{309A}' | '\u{309C}' | '\u{FF9F}' => {
                let semi = matches!(c, '\u{309A}' | '\u{309C}' | '\u{FF9F}');
                let last = out.last_mut().ok_or(RomajiError::Unconvertible)?;
                *last = voiced(*last, semi).ok_or(RomajiError::Unconvertible)?;
                continue;
            }
            // Between given and family name in a foreign name.
            '\u{30FB}' | '\u{FF65}' => Some(' '),
            _ if is_invisible(c) => continue,
            _ => Some(to_half_width(c).to_ascii_uppercase()),
        };
        match unit {
            Some('\u{30FC}') => {}
            Some(u @ ('\u{30A1}'..='\u{30F4}' | ' ')) => out.push(u),
            Some(u) if is_name_char(u) => out.push(u),
            _ => return Err(RomajiError::Unconvertible),
        }
    }
    Ok(out)
}

fn syllable(unit: char) -> Option<&'static [u8]> {
    match unit {
        '\u{30A1}'..='\u{30F4}' => {
            let slot = KATAKANA.chunks(3).nth(unit as usize - 0x30A1)?;
            slot.split(|&b| b == b' ').next()
        }
        _ => None,
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'A' | b'I' | b'U' | b'E' | b'O')
}

/// Writes the `ン` or `ッ` that waited for the syllable `next` (empty: no syllable follows).
fn flush(out: &mut String, pending: &mut Option<u8>, next: &[u8]) {
    let first = next.first().map(u8::to_ascii_uppercase);
    match pending.take() {
        Some(b'n') => out.push(if matches!(first, Some(b'B' | b'M' | b'P')) { 'M' } else { 'N' }),
        Some(_) if next.starts_with(b"CH") => out.push('T'),
        Some(_) => out.extend(first.filter(|&b| !is_vowel(b) && b != b'Y').map(char::from)),
        None => {}
    }
}

/// The passport Hepburn romaji of a name typed in kana, uppercase, spaces trimmed and collapsed.
/// Latin letters (either width) are uppercased, digits, `.` and `-` kept.
pub fn kana_to_romaji(input: &str) -> Result<String, RomajiError> {
    if input.chars().any(is_kanji) {
        return Err(RomajiError::Kanji);
    }
    let units = units(input)?;
    let mut out = String::with_capacity(units.len() * 2);
    // `ン` or `ッ` (as `n`/`q`), written once the next syllable is known.
    let mut pending: Option<u8> = None;
    // The vowel that ends the last syllable, while a long vowel may follow it.
    let mut last_vowel: Option<u8> = None;
    // The last syllable was a consonant and I (キ, シ, チ…), which a small ya/yu/yo joins.
    let mut after_i = false;
    for (i, &unit) in units.iter().enumerate() {
        let Some(s) = syllable(unit) else {
            flush(&mut out, &mut pending, b"");
            out.push(unit);
            (last_vowel, after_i) = (None, false);
            continue;
        };
        match s {
            b"q" | b"n" => {
                flush(&mut out, &mut pending, b"");
                pending = s.first().copied();
                (last_vowel, after_i) = (None, false);
                continue;
            }
            [b'y', vowel] if after_i => {
                // キャ KYA, シャ SHA, チャ CHA, ジャ JA.
                out.pop();
                let o = out.as_bytes();
                if !(o.ends_with(b"SH") || o.ends_with(b"CH") || o.ends_with(b"J")) {
                    out.push('Y');
                }
                out.push(char::from(vowel.to_ascii_uppercase()));
                (last_vowel, after_i) = (Some(vowel.to_ascii_uppercase()), false);
                continue;
            }
            b"U" | b"O" => {
                let word_goes_on = units.get(i + 1).and_then(|u| syllable(*u)).is_some();
                let long = match last_vowel {
                    Some(b'O') => s == b"U" || word_goes_on,
                    Some(b'U') => s == b"U",
                    _ => false,
                };
                if long {
                    last_vowel = None;
                    continue;
                }
            }
            _ => {}
        }
        flush(&mut out, &mut pending, s);
        out.extend(s.iter().map(|b| char::from(b.to_ascii_uppercase())));
        last_vowel = out.as_bytes().last().copied().filter(|&b| is_vowel(b));
        // A small vowel or ya/yu/yo is not a consonant and I.
        after_i = s.len() >= 2 && s.ends_with(b"I");
    }
    flush(&mut out, &mut pending, b"");
    Ok(half_width_collapsed(&out))
}
