//! The SDK's one error model: `{ type, code, message, status, param, apiMessage }`, for API
//! answers, the network, 3-D Secure and the frames alike (validation problems add `detail`; see
//! `js::convert`). Every such object is built in Rust from this table; the JavaScript layers
//! pass codes through (`_error`). The one exception is the merchant page's own "the frames did
//! not load" error: the page carries no wasm.
//!
//! `message` is always the SDK's own text for the buyer, in Japanese or English; PAY.JP's text
//! (meant for developers) stays in `api_message`. Unknown codes pass through unchanged and get
//! the message of their type.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::core::{ErrorCode, Lang};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// PAY.JP's `type` (`card_error`, `client_error`, `auth_error`, …) or ours:
    /// `network_error` (codes `network_error`, `timeout`) and `api_error`.
    pub kind: String,
    pub code: Option<String>,
    pub status: Option<u16>,
    pub param: Option<String>,
    pub api_message: Option<String>,
}

impl ApiError {
    fn ours(kind: &str, code: &str, status: Option<u16>) -> ApiError {
        ApiError { kind: kind.into(), code: Some(code.into()), status, param: None, api_message: None }
    }

    /// No answer: the network failed or the request timed out.
    pub fn network() -> ApiError {
        ApiError::ours("network_error", "network_error", None)
    }

    /// No answer within the timeout (`Payjp(…, { timeout })`, 15 s by default), retries included.
    pub fn timeout() -> ApiError {
        ApiError::ours("network_error", "timeout", None)
    }

    /// An answer that is not PAY.JP's: an HTML block page, a truncated or garbled body.
    pub fn invalid_response(status: u16) -> ApiError {
        ApiError::ours("api_error", "invalid_response", Some(status))
    }

    /// An error of the SDK's own, by code: 3-D Secure's endings (`three_d_secure_aborted`,
    /// `_failed`, `_timeout`: `card_error`; `_unexpected_return`, `_unavailable`: `client_error`)
    /// and the frames' (`frame_tampered`, `frame_load_failed`: `client_error`).
    pub fn sdk(code: &str) -> ApiError {
        let kind = match code {
            "three_d_secure_aborted" | "three_d_secure_failed" | "three_d_secure_timeout" => "card_error",
            _ => "client_error",
        };
        ApiError::ours(kind, code, None)
    }

    /// The 429 answer after the retries ran out.
    pub fn over_capacity() -> ApiError {
        ApiError::ours("client_error", "over_capacity", Some(429))
    }

    pub fn code(&self) -> &str {
        self.code.as_deref().unwrap_or("")
    }

    /// The buyer-facing message.
    pub fn message(&self, lang: Lang) -> &'static str {
        buyer_message(self.code(), &self.kind, lang)
    }
}

/// The SDK's text for an API error code, falling back on the error type.
pub fn buyer_message(code: &str, kind: &str, lang: Lang) -> &'static str {
    // Codes shared with the card core keep the core's wording.
    let core_code = ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code);
    if let Some(c) = core_code {
        return c.message(lang);
    }
    let (ja, en) = match code {
        "card_declined" => ("カードが拒否されました。別のカードをお試しください。", "Your card was declined. Please try another card."),
        "invalid_expiration_date" => ("有効期限が正しくありません。", "Your card's expiration date is invalid."),
        "expired_card" => ("カードの有効期限が切れています。", "Your card has expired."),
        "processing_error" => (
            "カードの処理中にエラーが発生しました。しばらくしてからもう一度お試しください。",
            "An error occurred while processing your card. Please try again in a moment.",
        ),
        "incorrect_card_data" => ("カード情報に誤りがあります。入力内容をご確認ください。", "Some of your card details are incorrect. Please check them."),
        "card_flagged" => (
            "このカードはご利用いただけません。カード会社にお問い合わせください。",
            "This card cannot be used. Please contact your card issuer.",
        ),
        "test_card_on_livemode" => ("本番環境ではテストカードは使えません。", "Test cards cannot be used in live mode."),
        "over_capacity" => (
            "ただいま決済サービスが混み合っています。しばらくしてからもう一度お試しください。",
            "The payment service is busy. Please try again in a moment.",
        ),
        "network_error" => (
            "決済サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。",
            "Could not reach the payment service. Check your connection and try again.",
        ),
        "timeout" => (
            "決済サービスからの応答がありませんでした。通信環境をご確認のうえ、もう一度お試しください。",
            "The payment service did not answer in time. Check your connection and try again.",
        ),
        "invalid_response" => (
            "決済サービスから予期しない応答がありました。ネットワークのフィルタやCDNにより通信が遮られている可能性があります。通信環境をご確認のうえ、もう一度お試しください。",
            "The payment service sent an unexpected response. A network filter or CDN may be blocking the connection; check your connection and try again.",
        ),
        "token_already_used" => ("この決済情報はすでに使用されています。もう一度カード情報を入力してください。", "This payment has already been used. Please enter your card again."),
        "three_d_secure_incompleted" | "unverified_token" => (
            "本人認証（3Dセキュア）が完了していません。",
            "Card verification (3-D Secure) has not been completed.",
        ),
        "three_d_secure_failed" => (
            "本人認証（3Dセキュア）に失敗しました。別のカードをお試しください。",
            "Card verification (3-D Secure) failed. Please try another card.",
        ),
        "three_d_secure_aborted" => (
            "本人認証（3Dセキュア）が中止されました。もう一度お試しください。",
            "Card verification (3-D Secure) was cancelled. Please try again.",
        ),
        "three_d_secure_timeout" => (
            "本人認証（3Dセキュア）が時間内に完了しませんでした。もう一度お試しください。",
            "Card verification (3-D Secure) was not completed in time. Please try again.",
        ),
        "three_d_secure_unexpected_return" => (
            "本人認証（3Dセキュア）の結果を確認できませんでした。お手数ですが、最初からお支払い手続きをやり直してください。",
            "The card verification (3-D Secure) result could not be confirmed. Please start the payment again.",
        ),
        "three_d_secure_unavailable" => (
            "このブラウザーの設定では本人認証（3Dセキュア）を続けられません。別の方法（ポップアップの許可など）でお試しください。",
            "This browser's settings do not let card verification (3-D Secure) continue. Please allow pop-ups or try another browser.",
        ),
        "frame_tampered" => (
            "カード入力欄がページ上で改変されたため、安全のため処理を中止しました。ページを再読み込みしてください。",
            "The card fields were tampered with on this page, so nothing was sent. Reload the page and try again.",
        ),
        "frame_load_failed" => (
            "カード入力欄の準備ができていません。ページを再読み込みしてもう一度お試しください。",
            "The card fields are not ready. Reload the page and try again.",
        ),
        _ => match kind {
            "card_error" => ("カードを処理できませんでした。別のカードをお試しください。", "Your card could not be processed. Please try another card."),
            "auth_error" => (
                "決済の設定に問題があります。お手数ですがストアにお問い合わせください。",
                "There is a problem with this store's payment setup. Please contact the store.",
            ),
            "server_error" => (
                "決済サービスで一時的なエラーが発生しました。しばらくしてからもう一度お試しください。",
                "The payment service had a temporary error. Please try again in a moment.",
            ),
            _ => ("エラーが発生しました。もう一度お試しください。", "Something went wrong. Please try again."),
        },
    };
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}
