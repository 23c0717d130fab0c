//! The holder-name suggestion: kana in passport Hepburn, as tables of real names and the rules'
//! own cases, plus properties (the suggestion passes the name validator, is a fixed point, and
//! does not depend on which kana script was typed).
#![cfg(not(target_arch = "wasm32"))]

use payjp_wasm::core::{kana_to_romaji, validate_holder_name, RomajiError};
use proptest::prelude::*;

fn check(cases: &[(&str, &str)]) {
    for (kana, romaji) in cases {
        assert_eq!(kana_to_romaji(kana).as_deref(), Ok(*romaji), "{kana:?}");
    }
}

#[test]
fn the_three_scripts_give_the_same_name() {
    check(&[
        ("ヤマダ タロウ", "YAMADA TARO"),
        ("やまだ たろう", "YAMADA TARO"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "YAMADA TARO"),
        ("ヤマダ　タロウ", "YAMADA TARO"),
        ("  ヤマダ   タロウ  ", "YAMADA TARO"),
        ("ヤマダ\u{00A0}タロウ", "YAMADA TARO"),
        ("ﾔﾏﾀﾞ　ﾀﾛｳ", "YAMADA TARO"),
        ("ﾊﾟﾊﾞ ﾋﾟﾋﾞ ﾌﾟﾌﾞ ﾍﾟﾍﾞ ﾎﾟﾎﾞ", "PABA PIBI PUBU PEBE POBO"),
        ("ｶﾞｷﾞｸﾞｹﾞｺﾞ ｻﾞｼﾞｽﾞｾﾞｿﾞ ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ", "GAGIGUGEGO ZAJIZUZEZO DAJIZUDEDO"),
        ("ｳﾞ", "BU"),
        // Combining voicing marks, as in decomposed (NFD) text, and the spacing ones.
        ("カ\u{3099}ク", "GAKU"),
        ("は\u{309A}ん", "PAN"),
        ("か゛く", "GAKU"),
        // Names mixing romaji and kana; full-width Latin letters.
        ("TARO やまだ", "TARO YAMADA"),
        ("ｔａｒｏ ＹＡＭＡＤＡ", "TARO YAMADA"),
        ("taro yamada", "TARO YAMADA"),
        ("J.R. スミス", "J.R. SUMISU"),
        // The middle dot between the parts of a foreign name is a space.
        ("ジョン・スミス", "JON SUMISU"),
        ("ｼﾞｮﾝ･ｽﾐｽ", "JON SUMISU"),
        // Invisible characters go.
        ("ヤマ\u{200B}ダ", "YAMADA"),
        ("", ""),
    ]);
}

#[test]
fn the_syllables_that_differ_from_kunrei() {
    check(&[
        ("シ", "SHI"), ("チ", "CHI"), ("ツ", "TSU"), ("フ", "FU"), ("ジ", "JI"), ("ヂ", "JI"),
        ("ヅ", "ZU"), ("ヲ", "O"), ("ヰ", "I"), ("ヱ", "E"), ("ヴ", "BU"),
        ("スズキ", "SUZUKI"), ("チヂミ", "CHIJIMI"), ("ツヅキ", "TSUZUKI"), ("フジタ", "FUJITA"),
        ("ヤマダ", "YAMADA"), ("ワタナベ", "WATANABE"), ("ワ", "WA"),
    ]);
}

#[test]
fn youon() {
    check(&[
        ("キャ", "KYA"), ("キュ", "KYU"), ("キョ", "KYO"),
        ("シャ", "SHA"), ("シュ", "SHU"), ("ショ", "SHO"),
        ("チャ", "CHA"), ("チュ", "CHU"), ("チョ", "CHO"),
        ("ニャ", "NYA"), ("ヒャ", "HYA"), ("ミャ", "MYA"), ("リャ", "RYA"),
        ("ギャ", "GYA"), ("ジャ", "JA"), ("ジュ", "JU"), ("ジョ", "JO"),
        ("ヂャ", "JA"), ("ヂュ", "JU"), ("ヂョ", "JO"),
        ("ビャ", "BYA"), ("ピャ", "PYA"), ("ピョ", "PYO"),
        ("しょうた", "SHOTA"), ("きょうこ", "KYOKO"), ("じゅんこ", "JUNKO"), ("りょう", "RYO"),
        ("しゅうじ", "SHUJI"), ("ちゅうや", "CHUYA"),
        // A small ya/yu/yo with no i-syllable before it is read as it stands.
        ("ャ", "YA"), ("アャ", "AYA"),
    ]);
}

#[test]
fn syllabic_n() {
    check(&[
        // M before B, M, P.
        ("ナンバ", "NAMBA"), ("ホンマ", "HOMMA"), ("シンペイ", "SHIMPEI"), ("しんばし", "SHIMBASHI"),
        ("ニホンバシ", "NIHOMBASHI"), ("ｼﾝﾍﾟｲ", "SHIMPEI"), ("サンピョウ", "SAMPYO"),
        // N elsewhere, with no apostrophe before a vowel or Y.
        ("ホンダ", "HONDA"), ("シンイチ", "SHINICHI"), ("ケンヤ", "KENYA"), ("ジュンイチロウ", "JUNICHIRO"),
        ("カンナ", "KANNA"), ("ケン", "KEN"), ("ケン タロウ", "KEN TARO"), ("サンシ", "SANSHI"),
        ("カンノオ", "KANNOO"), ("ンン", "NN"),
    ]);
}

#[test]
fn sokuon() {
    check(&[
        ("ハットリ", "HATTORI"), ("キッカワ", "KIKKAWA"), ("トットリ", "TOTTORI"), ("ベップ", "BEPPU"),
        ("サッサ", "SASSA"), ("いっしき", "ISSHIKI"), ("ﾊｯﾄﾘ", "HATTORI"),
        // T before CH.
        ("ッチ", "TCHI"), ("ホッチ", "HOTCHI"), ("ハッチョウ", "HATCHO"), ("エッチュウ", "ETCHU"),
        // Before youon the consonant of the syllable doubles.
        ("ニッキョウ", "NIKKYO"), ("ハッピャク", "HAPPYAKU"),
        // Nothing to double: dropped.
        ("アッ", "A"), ("ッ", ""), ("アッ タロウ", "A TARO"), ("ッア", "A"), ("ッン", "N"),
    ]);
}

#[test]
fn long_vowels() {
    check(&[
        // ウ after O or U is not written.
        ("タロウ", "TARO"), ("ユウコ", "YUKO"), ("サトウ", "SATO"), ("カトウ", "KATO"), ("ヨウコ", "YOKO"),
        ("ユウキ", "YUKI"), ("コウノ", "KONO"), ("カノウ", "KANO"), ("ガモウ", "GAMO"), ("イオウ", "IO"),
        ("ユウ", "YU"), ("トウキョウ", "TOKYO"),
        // オ after O inside a word.
        ("オオノ", "ONO"), ("オオタ", "OTA"), ("コオリ", "KORI"), ("ニシキコオリ", "NISHIKIKORI"),
        ("オオ", "OO"),
        // A word-final オオ keeps both, as the passport tables write it.
        ("ヨコオ", "YOKOO"), ("セノオ", "SENOO"), ("ホノオ", "HONOO"), ("スゴオ", "SUGOO"),
        ("ヨコオ タロウ", "YOKOO TARO"),
        // One long vowel, not a chain: おおうち is O + UCHI.
        ("オオウチ", "OUCHI"),
        // Other pairs are written as they are.
        ("ニイガタ", "NIIGATA"), ("ケイコ", "KEIKO"), ("フニウ", "FUNIU"), ("シウ", "SHIU"), ("ミネオ", "MINEO"),
        ("ウリウ", "URIU"), ("ササキ", "SASAKI"),
        // The long vowel mark is dropped, in both widths.
        ("ヨーコ", "YOKO"), ("ﾖｰｺ", "YOKO"), ("ルーシー", "RUSHI"),
    ]);
}

#[test]
fn small_vowels_are_written_as_vowels() {
    // The passport tables' spelling of foreign sounds.
    check(&[
        ("ファ", "FUA"), ("フィ", "FUI"), ("フェ", "FUE"), ("フォ", "FUO"), ("ティ", "TEI"),
        ("ディ", "DEI"), ("デュ", "DEYU"), ("シェ", "SHIE"), ("ジェ", "JIE"), ("チェ", "CHIE"),
        ("ヴァ", "BUA"), ("ウォ", "UO"), ("ァ", "A"),
    ]);
}

#[test]
fn kanji_and_what_cannot_be_converted_are_refused() {
    for (input, error) in [
        ("山田太郎", RomajiError::Kanji),
        ("山田 タロウ", RomajiError::Kanji),
        ("タロウ 々", RomajiError::Kanji),
        ("ヤマダ 𠮷", RomajiError::Kanji),
        // Kanji wins over other unconvertible characters: it is the one to explain.
        ("😀 山", RomajiError::Kanji),
        ("O'BRIEN", RomajiError::Unconvertible),
        ("JOSÉ", RomajiError::Unconvertible),
        ("ヤマダ_タロウ", RomajiError::Unconvertible),
        ("タロウ、", RomajiError::Unconvertible),
        ("ヶ", RomajiError::Unconvertible),
        ("ヽ", RomajiError::Unconvertible),
        ("ア\u{309A}", RomajiError::Unconvertible),
        ("\u{3099}", RomajiError::Unconvertible),
        ("ﾞｱ", RomajiError::Unconvertible),
        ("한국", RomajiError::Unconvertible),
    ] {
        assert_eq!(kana_to_romaji(input), Err(error), "{input:?}");
    }
}

#[test]
fn ordinary_names_become_names_payjp_accepts() {
    for kana in [
        "ヤマダ タロウ", "すずき いちろう", "ﾀﾅｶ ﾊﾅｺ", "サトウ ユウコ", "ホンマ シンペイ", "ハットリ ジュンイチ",
        "いとう しょうた", "おおの きょうこ", "ヨコオ ケンヤ", "ワタナベ チヒロ", "ジョン・スミス",
    ] {
        let romaji = kana_to_romaji(kana).unwrap();
        let check = validate_holder_name(&romaji);
        assert!(check.is_valid, "{kana:?} -> {romaji:?}: {check:?}");
        assert_eq!(check.value, romaji);
    }
}

/// A kana of an ordinary name (no ヴ, ヶ, small wa or the archaic ヰ ヱ), in the script `script` picks: katakana,
/// hiragana or half-width.
fn kana(script: u8) -> impl Strategy<Value = String> {
    let katakana: Vec<char> = ('\u{30A1}'..='\u{30F3}').filter(|c| !matches!(c, 'ヮ' | 'ヰ' | 'ヱ')).chain(['ー']).collect();
    proptest::sample::select(katakana).prop_map(move |k| match script {
        0 => k.to_string(),
        1 if k != 'ー' => char::from_u32(k as u32 - 0x60).unwrap().to_string(),
        _ => half_width(k),
    })
}

/// The half-width form of a katakana, with its voicing mark.
fn half_width(k: char) -> String {
    const HALF: &str = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
    const FULL: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    let plain = |c: char| FULL.chars().position(|f| f == c).map(|i| HALF.chars().nth(i).unwrap());
    let back = |n: u32| char::from_u32(k as u32 - n).and_then(plain);
    match (plain(k), back(1), back(2)) {
        (Some(h), _, _) => h.to_string(),
        (None, Some(h), _) => format!("{h}ﾞ"),
        (None, None, Some(h)) => format!("{h}ﾟ"),
        _ => k.to_string(),
    }
}

fn name(script: u8) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::collection::vec(kana(script), 1..8).prop_map(|v| v.concat()), 1..4)
        .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn suggestions_pass_the_name_validator(kana in (0u8..3).prop_flat_map(name)) {
        let romaji = kana_to_romaji(&kana).unwrap();
        prop_assert!(romaji.bytes().all(|b| b.is_ascii_uppercase() || b == b' '), "{:?} -> {:?}", kana, romaji);
        prop_assert!(!romaji.starts_with(' ') && !romaji.ends_with(' ') && !romaji.contains("  "));
        let check = validate_holder_name(&romaji);
        if (2..=45).contains(&romaji.len()) {
            prop_assert!(check.is_valid, "{:?} -> {:?}: {:?}", kana, romaji, check);
        }
        // A suggestion converts to itself.
        prop_assert_eq!(kana_to_romaji(&romaji), Ok(romaji.clone()));
    }

    #[test]
    fn the_script_does_not_matter(katakana in name(0)) {
        let hiragana: String = katakana.chars().map(|c| match c {
            '\u{30A1}'..='\u{30F3}' => char::from_u32(c as u32 - 0x60).unwrap(),
            c => c,
        }).collect();
        let half: String = katakana.chars().map(|c| if c == ' ' { " ".to_string() } else { half_width(c) }).collect();
        let expected = kana_to_romaji(&katakana);
        prop_assert_eq!(kana_to_romaji(&hiragana), expected.clone());
        prop_assert_eq!(kana_to_romaji(&half), expected);
    }

    #[test]
    fn any_string_gets_an_answer(s in any::<String>()) {
        if let Ok(romaji) = kana_to_romaji(&s) {
            prop_assert!(romaji.chars().all(|c| c.is_ascii_alphanumeric() || " .-".contains(c)));
        }
    }
}

#[test]
fn half_width_helper_matches_the_scripts() {
    // The test's own half-width table, checked against known pairs.
    for (k, h) in [('ガ', "ｶﾞ"), ('パ', "ﾊﾟ"), ('バ', "ﾊﾞ"), ('ア', "ｱ"), ('ン', "ﾝ"), ('ヅ', "ﾂﾞ"), ('ド', "ﾄﾞ"), ('ッ', "ｯ")] {
        assert_eq!(half_width(k), h, "{k}");
    }
}
