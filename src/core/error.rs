//! Validation error codes and their buyer-facing messages in Japanese and English.
//!
//! A [`Problem`] is what a validator found; it maps to one public [`ErrorCode`] (the stable,
//! PAY.JP-style code an integration switches on) and to a message specific enough to tell the
//! buyer what to fix. Messages never contain the buyer's input.

#[allow(unused_imports)]
use crate::prelude::*;

/// The language of buyer-facing messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Reads a language tag leniently: `en`, `EN`, `en-US` are English; anything else, including
    /// an unknown tag, falls back to Japanese (the default) so that validators stay total.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Ja
        }
    }
}

/// The public error codes, as PAY.JP and payjp.js name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    IncompleteNumber,
    InvalidNumber,
    UnacceptableBrand,
    InvalidExpiryMonth,
    InvalidExpiryYear,
    InvalidExpiryMonthPast,
    InvalidExpiryYearPast,
    IncompleteExpiry,
    InvalidCvc,
    IncompleteCvc,
    InvalidCardName,
    InvalidEmail,
    InvalidPhone,
    /// 3-D Secure needs an e-mail address or a phone number beside the card.
    ThreeDSecureContactRequired,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::IncompleteNumber,
        ErrorCode::InvalidNumber,
        ErrorCode::UnacceptableBrand,
        ErrorCode::InvalidExpiryMonth,
        ErrorCode::InvalidExpiryYear,
        ErrorCode::InvalidExpiryMonthPast,
        ErrorCode::InvalidExpiryYearPast,
        ErrorCode::IncompleteExpiry,
        ErrorCode::InvalidCvc,
        ErrorCode::IncompleteCvc,
        ErrorCode::InvalidCardName,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPhone,
        ErrorCode::ThreeDSecureContactRequired,
    ];

    /// The code payjp.js v2 gives the same problem in an element's `change` event: one
    /// `incomplete_error` for every unfinished field; the others as they are. Card elements report
    /// this as `code` (code written for payjp.js keeps working) and [`ErrorCode::as_str`] as
    /// `detail`.
    pub fn payjp_v2(self) -> &'static str {
        match self {
            ErrorCode::IncompleteNumber | ErrorCode::IncompleteExpiry | ErrorCode::IncompleteCvc => "incomplete_error",
            other => other.as_str(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::IncompleteNumber => "incomplete_number",
            ErrorCode::InvalidNumber => "invalid_number",
            ErrorCode::UnacceptableBrand => "unacceptable_brand",
            ErrorCode::InvalidExpiryMonth => "invalid_expiry_month",
            ErrorCode::InvalidExpiryYear => "invalid_expiry_year",
            ErrorCode::InvalidExpiryMonthPast => "invalid_expiry_month_past",
            ErrorCode::InvalidExpiryYearPast => "invalid_expiry_year_past",
            ErrorCode::IncompleteExpiry => "incomplete_expiry",
            ErrorCode::InvalidCvc => "invalid_cvc",
            ErrorCode::IncompleteCvc => "incomplete_cvc",
            ErrorCode::InvalidCardName => "invalid_card_name",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::ThreeDSecureContactRequired => "three_d_secure_contact_required",
        }
    }

    /// The token request's parameter the problem is about, as PAY.JP names it (`card[number]`,
    /// `card[exp_month]`, …): a page marks its own name or e-mail input by it. A missing contact
    /// for 3-D Secure is the e-mail's.
    pub fn param(self) -> &'static str {
        match self {
            ErrorCode::IncompleteNumber | ErrorCode::InvalidNumber | ErrorCode::UnacceptableBrand => "card[number]",
            ErrorCode::InvalidExpiryYear | ErrorCode::InvalidExpiryYearPast => "card[exp_year]",
            ErrorCode::InvalidExpiryMonth | ErrorCode::InvalidExpiryMonthPast | ErrorCode::IncompleteExpiry => "card[exp_month]",
            ErrorCode::InvalidCvc | ErrorCode::IncompleteCvc => "card[cvc]",
            ErrorCode::InvalidCardName => "card[name]",
            ErrorCode::InvalidEmail | ErrorCode::ThreeDSecureContactRequired => "card[email]",
            ErrorCode::InvalidPhone => "card[phone]",
        }
    }

    /// The general message for a code, used when the precise [`Problem`] is not known
    /// (for example when a later layer reports an incomplete field on submit).
    pub fn message(self, lang: Lang) -> &'static str {
        Problem::general(self).message(lang)
    }
}

/// What exactly is wrong. Several problems share one public code but tell the buyer different
/// things (a kanji name and a too-long name are both `invalid_card_name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    IncompleteNumber,
    InvalidNumberCharacter,
    InvalidNumber,
    UnacceptableBrand,
    IncompleteExpiry,
    InvalidExpiryMonth,
    InvalidExpiryYear,
    ExpiryYearTooFar,
    ExpiryMonthPast,
    ExpiryYearPast,
    IncompleteCvc,
    InvalidCvc,
    NameNotRomaji,
    NameTooShort,
    NameTooLong,
    NameInvalidCharacter,
    NameLooksLikeNumber,
    InvalidEmail,
    EmailTooLong,
    InvalidPhone,
    /// 3-D Secure is on and no holder name was given.
    NameRequired,
    /// 3-D Secure is on and neither an e-mail address nor a phone number was given.
    ContactRequired,
}

impl Problem {
    /// The problem whose message stands for a code in general.
    pub fn general(code: ErrorCode) -> Problem {
        match code {
            ErrorCode::IncompleteNumber => Problem::IncompleteNumber,
            ErrorCode::InvalidNumber => Problem::InvalidNumber,
            ErrorCode::UnacceptableBrand => Problem::UnacceptableBrand,
            ErrorCode::InvalidExpiryMonth => Problem::InvalidExpiryMonth,
            ErrorCode::InvalidExpiryYear => Problem::InvalidExpiryYear,
            ErrorCode::InvalidExpiryMonthPast => Problem::ExpiryMonthPast,
            ErrorCode::InvalidExpiryYearPast => Problem::ExpiryYearPast,
            ErrorCode::IncompleteExpiry => Problem::IncompleteExpiry,
            ErrorCode::InvalidCvc => Problem::InvalidCvc,
            ErrorCode::IncompleteCvc => Problem::IncompleteCvc,
            ErrorCode::InvalidCardName => Problem::NameInvalidCharacter,
            ErrorCode::InvalidEmail => Problem::InvalidEmail,
            ErrorCode::InvalidPhone => Problem::InvalidPhone,
            ErrorCode::ThreeDSecureContactRequired => Problem::ContactRequired,
        }
    }

    pub fn code(self) -> ErrorCode {
        match self {
            Problem::IncompleteNumber => ErrorCode::IncompleteNumber,
            Problem::InvalidNumberCharacter | Problem::InvalidNumber => ErrorCode::InvalidNumber,
            Problem::UnacceptableBrand => ErrorCode::UnacceptableBrand,
            Problem::IncompleteExpiry => ErrorCode::IncompleteExpiry,
            Problem::InvalidExpiryMonth => ErrorCode::InvalidExpiryMonth,
            Problem::InvalidExpiryYear | Problem::ExpiryYearTooFar => ErrorCode::InvalidExpiryYear,
            Problem::ExpiryMonthPast => ErrorCode::InvalidExpiryMonthPast,
            Problem::ExpiryYearPast => ErrorCode::InvalidExpiryYearPast,
            Problem::IncompleteCvc => ErrorCode::IncompleteCvc,
            Problem::InvalidCvc => ErrorCode::InvalidCvc,
            Problem::NameNotRomaji
            | Problem::NameTooShort
            | Problem::NameTooLong
            | Problem::NameInvalidCharacter
            | Problem::NameLooksLikeNumber
            | Problem::NameRequired => ErrorCode::InvalidCardName,
            Problem::InvalidEmail | Problem::EmailTooLong => ErrorCode::InvalidEmail,
            Problem::InvalidPhone => ErrorCode::InvalidPhone,
            Problem::ContactRequired => ErrorCode::ThreeDSecureContactRequired,
        }
    }

    pub fn message(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            Problem::IncompleteNumber => (
                "カード番号が最後まで入力されていません。",
                "Your card number is incomplete.",
            ),
            Problem::InvalidNumberCharacter => (
                "カード番号には数字のみ入力できます。",
                "Your card number can only contain digits.",
            ),
            Problem::InvalidNumber => (
                "カード番号が正しくありません。",
                "Your card number is invalid.",
            ),
            Problem::UnacceptableBrand => (
                "このカードブランドはご利用いただけません。",
                "This card brand is not accepted.",
            ),
            Problem::IncompleteExpiry => (
                "有効期限が最後まで入力されていません。",
                "Your card's expiration date is incomplete.",
            ),
            Problem::InvalidExpiryMonth => (
                "有効期限の月が正しくありません。",
                "Your card's expiration month is invalid.",
            ),
            Problem::InvalidExpiryYear => (
                "有効期限の年が正しくありません。",
                "Your card's expiration year is invalid.",
            ),
            Problem::ExpiryYearTooFar => (
                "有効期限の年が先すぎます。",
                "Your card's expiration year is too far in the future.",
            ),
            Problem::ExpiryMonthPast => (
                "有効期限が切れています。",
                "Your card's expiration date is in the past.",
            ),
            Problem::ExpiryYearPast => (
                "有効期限の年が過去です。",
                "Your card's expiration year is in the past.",
            ),
            Problem::IncompleteCvc => (
                "セキュリティコードが最後まで入力されていません。",
                "Your card's security code is incomplete.",
            ),
            Problem::InvalidCvc => (
                "セキュリティコードが正しくありません。",
                "Your card's security code is invalid.",
            ),
            Problem::NameNotRomaji => (
                "カード名義はカードに記載のとおりローマ字（半角英字）で入力してください。漢字・かなは使えません。",
                "Enter the cardholder name in romaji (Latin letters) as printed on the card; kanji and kana cannot be used.",
            ),
            Problem::NameTooShort => (
                "カード名義は2文字以上で入力してください。",
                "The cardholder name must be at least 2 characters.",
            ),
            Problem::NameTooLong => (
                "カード名義は45文字以内で入力してください。",
                "The cardholder name must be at most 45 characters.",
            ),
            Problem::NameInvalidCharacter => (
                "カード名義に使える文字は半角英数字、スペース、ピリオド、ハイフンのみです。",
                "The cardholder name may only contain letters A-Z, digits, spaces, periods and hyphens.",
            ),
            Problem::NameLooksLikeNumber => (
                "カード名義の欄にはカード番号ではなく名義人のお名前を入力してください。",
                "Enter the cardholder's name here, not a card number.",
            ),
            Problem::InvalidEmail => (
                "メールアドレスが正しくありません。",
                "Your email address is invalid.",
            ),
            Problem::EmailTooLong => (
                "メールアドレスは254文字以内で入力してください。",
                "Your email address must be at most 254 characters.",
            ),
            Problem::InvalidPhone => (
                "電話番号が正しくありません。",
                "Your phone number is invalid.",
            ),
            Problem::NameRequired => (
                "本人認証（3Dセキュア）には、カード名義（ローマ字）が必要です。",
                "Card verification (3-D Secure) needs the name on the card, in romaji.",
            ),
            Problem::ContactRequired => (
                "本人認証（3Dセキュア）には、メールアドレスまたは電話番号が必要です。",
                "Card verification (3-D Secure) needs an e-mail address or a phone number.",
            ),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}
