//! How handlers read requests: axum's `Form`, `Query` and `Json` (through `Json::from_bytes`),
//! wrapped so that a request they cannot read is answered with PAY.JP's error body
//! (`{"error":{"code","message","status","type"}}`, see `api_error.rs`) rather than axum's plain
//! text. Each wrapper's `Rejection` is that response, so a handler simply names what it takes.
//!
//! PAY.JP's parameters are flat pairs with bracketed keys (`card[number]`, `metadata[order]`)
//! that a client may repeat, so form bodies and query strings are read as [`Params`]: every pair,
//! decoded (`+` and `%XX`), in the order sent.
//!
//! Rejection messages name what was wrong with the request, never what it carried (a form body
//! may hold a card number).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use serde::de::DeserializeOwned;

use crate::api_error::error;

/// Form or query parameters: keys as written (`card[number]`), in order, repeats kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// The first value sent for `name`, even an empty one.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The first value sent for `name`, unless it is empty: PAY.JP's token API treats
    /// `card[cvc]=` as no CVC at all.
    pub fn filled(&self, name: &str) -> Option<&str> {
        self.get(name).filter(|v| !v.is_empty())
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Params {
        Params(pairs.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

/// An `application/x-www-form-urlencoded` body, through axum's `Form`. Another content type, or a
/// body that cannot be read, is a 400 `invalid_request_body` (a body over axum's limit, a 413).
pub struct FormParams(pub Params);

impl<S: Send + Sync> FromRequest<S> for FormParams {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<FormParams, Response> {
        match axum::Form::<Vec<(String, String)>>::from_request(req, state).await {
            Ok(axum::Form(pairs)) => Ok(FormParams(Params(pairs))),
            Err(rejection) => {
                let status = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE { 413 } else { 400 };
                let message = format!("The body must be application/x-www-form-urlencoded: {}", rejection.body_text());
                Err(error(status, "client_error", Some("invalid_request_body"), &message, None))
            }
        }
    }
}

/// The query string, through axum's `Query`; none at all is no parameters.
pub struct QueryParams(pub Params);

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<QueryParams, Response> {
        // Pairs of strings take any query string (bad escapes and UTF-8 are decoded lossily), so
        // this answer is a safeguard rather than a case PAY.JP documents.
        Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map(|Query(pairs)| QueryParams(Params(pairs)))
            .map_err(|rejection| error(400, "client_error", Some("invalid_request"), &format!("The query string cannot be read: {}", rejection.body_text()), None))
    }
}

/// A JSON body decoded into `T` by axum's `Json` (`Json::from_bytes`). A body that is not JSON, or
/// not the shape of `T`, is a 400 `invalid_body` naming the first problem.
///
/// The content type is not checked here: the control endpoints' layer insists on
/// `application/json` before any handler runs (a page cannot send that cross-origin without a
/// preflight), and the demo merchant takes whatever its page sends.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<JsonBody<T>, Response> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            let status = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE { 413 } else { 400 };
            error(status, "client_error", Some("invalid_body"), &format!("The body cannot be read: {}", rejection.body_text()), None)
        })?;
        axum::Json::<T>::from_bytes(&bytes)
            .map(|axum::Json(value)| JsonBody(value))
            .map_err(|rejection| error(400, "client_error", Some("invalid_body"), &format!("The body must be JSON: {}", rejection.body_text()), None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn post(content_type: Option<&str>, body: &str) -> Request {
        let mut builder = Request::builder().method("POST").uri("/v1/tokens");
        if let Some(content_type) = content_type {
            builder = builder.header("content-type", content_type);
        }
        builder.body(Body::from(body.to_string())).unwrap()
    }

    async fn error_of(response: Response) -> (u16, serde_json::Value) {
        let status = response.status().as_u16();
        let body = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
        (status, serde_json::from_slice(&body).expect("PAY.JP's error body is JSON"))
    }

    const FORM: &str = "application/x-www-form-urlencoded";

    #[tokio::test]
    async fn forms_keep_bracketed_keys_repeats_and_order() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("card%5Bnumber%5D=4242424242424242&card%5Bname%5D=TARO+YAMADA", &[("card[number]", "4242424242424242"), ("card[name]", "TARO YAMADA")]),
            ("card[number]=4242&card[number]=5555", &[("card[number]", "4242"), ("card[number]", "5555")]),
            ("a=1&&b=&c", &[("a", "1"), ("b", ""), ("c", "")]),
            ("email=taro%40example.jp&bad=%zz&half=%4", &[("email", "taro@example.jp"), ("bad", "%zz"), ("half", "%4")]),
            ("name=%E5%B1%B1%E7%94%B0&broken=%FF", &[("name", "山田"), ("broken", "\u{fffd}")]),
            ("", &[]),
        ];
        for (body, pairs) in cases {
            let FormParams(params) = FormParams::from_request(post(Some(FORM), body), &()).await.unwrap_or_else(|_| panic!("{body}"));
            assert_eq!(params, pairs.iter().copied().collect::<Params>(), "{body}");
        }
        let FormParams(charset) = FormParams::from_request(post(Some("application/x-www-form-urlencoded; charset=UTF-8"), "a=1"), &()).await.unwrap_or_else(|_| panic!());
        assert_eq!(charset.get("a"), Some("1"));
    }

    #[test]
    fn get_is_the_first_value_and_filled_skips_an_empty_one() {
        let params: Params = [("cvc", ""), ("cvc", "123"), ("tenant", "t1")].into_iter().collect();
        assert_eq!(params.get("cvc"), Some(""));
        assert_eq!(params.filled("cvc"), None, "the first value decides");
        assert_eq!(params.filled("tenant"), Some("t1"));
        assert_eq!(params.get("missing"), None);
    }

    #[tokio::test]
    async fn rejections_have_payjps_error_shape() {
        for (content_type, body) in [(Some("application/json"), "{}"), (None, "card%5Bnumber%5D=4242424242424242"), (Some("text/plain"), "a=1")] {
            let Err(response) = FormParams::from_request(post(content_type, body), &()).await else { panic!("{content_type:?} accepted") };
            let (status, e) = error_of(response).await;
            assert_eq!(status, 400);
            assert_eq!((e["error"]["status"].as_u64(), e["error"]["type"].as_str(), e["error"]["code"].as_str()), (Some(400), Some("client_error"), Some("invalid_request_body")), "{e}");
            assert!(!e.to_string().contains("4242424242424242"), "no card data in errors: {e}");
        }

        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Wanted {
            count: u64,
        }
        for body in ["", "{", "null", "7", r#"{"count":"2"}"#, r#"{"count":-1}"#, r#"{"cont":2}"#] {
            let Err(response) = JsonBody::<Wanted>::from_request(post(Some("application/json"), body), &()).await else { panic!("{body} accepted") };
            let (status, e) = error_of(response).await;
            assert_eq!((status, e["error"]["code"].as_str(), e["error"]["type"].as_str()), (400, Some("invalid_body"), Some("client_error")), "{body}: {e}");
        }
        let JsonBody(ok) = JsonBody::<Wanted>::from_request(post(None, r#"{"count":2}"#), &()).await.unwrap_or_else(|_| panic!());
        assert_eq!(ok.count, 2, "no content type needed");
    }

    #[tokio::test]
    async fn query_strings_are_params_too() {
        let mut parts = Request::builder().uri("/v1/tds/tok_1/start?publickey=pk&back=shop&back=other&x=a%2Bb+c").body(()).unwrap().into_parts().0;
        let QueryParams(params) = QueryParams::from_request_parts(&mut parts, &()).await.unwrap_or_else(|_| panic!());
        assert_eq!((params.get("back"), params.get("x"), params.get("publickey")), (Some("shop"), Some("a+b c"), Some("pk")));
        let mut none = Request::builder().uri("/__control/stats").body(()).unwrap().into_parts().0;
        let QueryParams(empty) = QueryParams::from_request_parts(&mut none, &()).await.unwrap_or_else(|_| panic!());
        assert_eq!(empty, Params::default());
    }
}
