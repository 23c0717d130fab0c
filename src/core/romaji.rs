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
/// `n` is `ン`.
const KATAKANA: &str = "a A i I u U e E o O KA GA KI GI KU GU KE GE KO GO SA ZA SHI JI SU ZU SE ZE SO ZO \
TA DA CHI JI q TSU ZU TE DE TO DO NA NI NU NE NO HA BA PA HI BI PI FU BU PU HE BE PE HO BO PO \
MA MI MU ME MO ya YA yu YU yo YO RA RI RU RE RO WA WA I E O n BU";

/// Half-width katakana U+FF66–U+FF9D, as their full-width forms.
const HALF_WIDTH: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

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
    let step = if semi {
        "ハヒフヘホ".contains(kana).then_some(2)
    } else if kana == 'ウ' {
        return Some('ヴ');
    } else {
        "カキクケコサシスセソタチツテトハヒフヘホ".contains(kana).then_some(1)
    };
    char::from_u32(kana as u32 + step?)
}

/// The input as full-width katakana (the syllables), spaces and name characters; long vowel
/// marks and invisible characters dropped, voicing marks applied.
fn units(input: &str) -> Result<Vec<char>, RomajiError> {
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for c in input.chars() {
        let unit = match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60),
            '\u{FF66}'..='\u{FF9D}' => HALF_WIDTH.chars().nth(c as usize - 0xFF66),
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

fn syllable(unit: char) -> Option<&'static str> {
    match unit {
        '\u{30A1}'..='\u{30F4}' => KATAKANA.split(' ').nth(unit as usize - 0x30A1),
        _ => None,
    }
}

/// Writes the `ン` or `ッ` that waited for the syllable `next` (`""`: no syllable follows).
fn flush(out: &mut String, pending: &mut Option<u8>, next: &str) {
    let first = next.bytes().next().map(|b| b.to_ascii_uppercase());
    match pending.take() {
        Some(b'n') => out.push(if matches!(first, Some(b'B' | b'M' | b'P')) { 'M' } else { 'N' }),
        Some(_) if next.starts_with("CH") => out.push('T'),
        Some(_) => out.extend(first.filter(|b| !b"AIUEOY".contains(b)).map(char::from)),
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
    let mut last_vowel: Option<char> = None;
    // The last syllable was a consonant and I (キ, シ, チ…), which a small ya/yu/yo joins.
    let mut after_i = false;
    for (i, &unit) in units.iter().enumerate() {
        let Some(s) = syllable(unit) else {
            flush(&mut out, &mut pending, "");
            out.push(unit);
            (last_vowel, after_i) = (None, false);
            continue;
        };
        match s {
            "q" | "n" => {
                flush(&mut out, &mut pending, "");
                pending = Some(s.as_bytes()[0]);
                (last_vowel, after_i) = (None, false);
                continue;
            }
            "ya" | "yu" | "yo" if after_i => {
                // キャ KYA, シャ SHA, チャ CHA, ジャ JA.
                out.pop();
                if !(out.ends_with("SH") || out.ends_with("CH") || out.ends_with('J')) {
                    out.push('Y');
                }
                out.push(char::from(s.as_bytes()[1].to_ascii_uppercase()));
                (last_vowel, after_i) = (out.chars().last(), false);
                continue;
            }
            "U" | "O" => {
                let word_goes_on = units.get(i + 1).and_then(|u| syllable(*u)).is_some();
                let long = match last_vowel {
                    Some('O') => s == "U" || word_goes_on,
                    Some('U') => s == "U",
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
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_uppercase())));
        last_vowel = out.chars().last().filter(|c| "AIUEO".contains(*c));
        // A small vowel or ya/yu/yo is not a consonant and I.
        after_i = s.len() >= 2 && s.ends_with('I');
    }
    flush(&mut out, &mut pending, "");
    Ok(half_width_collapsed(&out))
}
