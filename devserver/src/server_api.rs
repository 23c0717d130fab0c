//! The part of PAY.JP's server API a checkout backend calls, with the secret key: charges (with a
//! card token or a customer, `capture`, `three_d_secure`, `tenant`), their capture and
//! `tds_finish`; customers with a card; 3-D Secure requests for a customer's saved card. Objects
//! have PAY.JP's shapes and status values, errors its codes, so PAY.JP's official server
//! libraries run against it with only their API base changed (tests/official/).
//!
//! Handlers take the secret key as [`SecretKey`] (a public key gets PAY.JP's 401) and the body as
//! [`FormParams`] (a body that is not a form gets PAY.JP's 400), in that order.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::api_error::{error, json};
use crate::challenge::Outcome;
use crate::clock::unix_now;
use crate::extract::{FormParams, Params};
use crate::ids::random_id;
use crate::keys::{ApiKey, SecretKey};
use crate::state::{lock, AppState, Stored};

/// A boolean parameter: `true` or `false`, in any case (PAY.JP's Python library sends `True`).
fn flag(form: &Params, name: &str, default: bool) -> Result<bool, Response> {
    match form.get(name) {
        None => Ok(default),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(false),
        Some(_) => Err(invalid(name, "must be true or false")),
    }
}

fn invalid(param: &str, what: &str) -> Response {
    error(400, "client_error", Some("invalid_param"), &format!("Invalid param: {param} {what}."), Some(param))
}

fn not_found(kind: &str, id: &str) -> Response {
    error(404, "client_error", Some("invalid_id"), &format!("No such {kind}: {id}"), Some("id"))
}

/// `POST /v1/charges`.
pub async fn create_charge(State(state): State<AppState>, SecretKey(key): SecretKey, FormParams(form): FormParams) -> Response {
    charge(&state, &key.account, &form).unwrap_or_else(|r| r)
}

/// Creates a charge for `account` from PAY.JP's form fields: the handler's body, and the demo
/// merchant's `/charge`.
pub fn charge(state: &AppState, account: &str, form: &Params) -> Result<Response, Response> {
    let amount: u64 = form.get("amount").and_then(|a| a.parse().ok()).ok_or_else(|| invalid("amount", "must be a whole number of yen"))?;
    if !(50..=9_999_999).contains(&amount) {
        return Err(error(400, "client_error", Some("invalid_amount"), "The amount must be between 50 and 9,999,999 yen.", Some("amount")));
    }
    if form.get("currency").unwrap_or("jpy") != "jpy" {
        return Err(error(400, "client_error", Some("invalid_currency"), "Only jpy is supported.", Some("currency")));
    }
    let capture = flag(form, "capture", true)?;
    let three_d_secure = flag(form, "three_d_secure", false)?;
    let (card, customer, failure) = card_for_charge(state, account, form.get("card"), form.get("customer"))?;
    let tds_status = card["three_d_secure_status"].clone();
    if tds_status == "unverified" {
        return Err(error(400, "client_error", Some("unverified_token"), "3-D Secure has not been finished for this token: call tds_finish first.", Some("card")));
    }
    if tds_status == "failed" || tds_status == "aborted" {
        return Err(error(402, "card_error", Some("three_d_secure_failed"), "3-D Secure failed for this card.", Some("card")));
    }
    if let Some(code) = failure {
        return Err(error(402, "card_error", Some(code), crate::cards::decline_message(code), None));
    }
    let created = unix_now();
    let id = random_id("ch_");
    let waits = three_d_secure;
    let mut charge = serde_json::json!({
        "object": "charge",
        "id": id,
        "amount": amount,
        "amount_refunded": 0,
        "captured": !waits && capture,
        "captured_at": if !waits && capture { created.into() } else { serde_json::Value::Null },
        "card": card,
        "created": created,
        "currency": "jpy",
        "customer": customer,
        "description": form.get("description"),
        "expired_at": if capture { serde_json::Value::Null } else { (created + 7 * 86_400).into() },
        "failure_code": null,
        "failure_message": null,
        "fee_rate": "3.00",
        "livemode": account.starts_with("live_"),
        "metadata": {},
        "paid": !waits,
        "refund_reason": null,
        "refunded": false,
        "subscription": null,
        "tenant": form.get("tenant"),
        "three_d_secure_status": if waits { "unverified".into() } else { tds_status },
    });
    if waits {
        // Charge-level 3-D Secure: the buyer's challenge next, then tds_finish pays it.
        charge["card"]["three_d_secure_status"] = "unverified".into();
        println!("devserver: charge {id} waits for 3-D Secure");
    } else {
        println!("devserver: charged {amount} JPY to {} ****{}", charge["card"]["brand"].as_str().unwrap_or("?"), charge["card"]["last4"].as_str().unwrap_or("?"));
    }
    lock(&state.inner.charges).insert(id, Stored { json: charge.clone(), account: account.to_string(), capture, charge_failure: None });
    Ok(json(200, &charge))
}

/// The card a charge takes: a card token (used up here), or a customer's card (its default, or
/// `card=car_…`). Also the customer's id and a charge failure the test card carries.
fn card_for_charge(state: &AppState, account: &str, card: Option<&str>, customer: Option<&str>) -> Result<(serde_json::Value, serde_json::Value, Option<&'static str>), Response> {
    if let Some(customer_id) = customer {
        let customers = lock(&state.inner.customers);
        let c = customers.get(customer_id).filter(|c| c.account == account).ok_or_else(|| not_found("customer", customer_id))?;
        let wanted = card.or(c.json["default_card"].as_str()).unwrap_or_default();
        let found = c.json["cards"]["data"].as_array().and_then(|cards| cards.iter().find(|k| k["id"] == wanted).cloned());
        let found = found.ok_or_else(|| error(400, "client_error", Some("missing_card"), "The customer has no such card.", Some("card")))?;
        return Ok((found, customer_id.into(), c.charge_failure));
    }
    let token_id = card.ok_or_else(|| error(400, "client_error", Some("missing_card"), "Send a card token (card=tok_...) or a customer.", Some("card")))?;
    let mut tokens = lock(&state.inner.tokens);
    let token = tokens.get_mut(token_id).filter(|t| t.account == account).ok_or_else(|| not_found("token", token_id))?;
    if token.used {
        return Err(error(400, "client_error", Some("token_already_used"), "This token has already been used.", Some("card")));
    }
    if token.json["card"]["three_d_secure_status"] != "unverified" {
        token.used = true;
    }
    Ok((token.json["card"].clone(), serde_json::Value::Null, token.charge_failure))
}

fn charge_of(state: &AppState, key: &ApiKey, id: &str) -> Result<Stored, Response> {
    lock(&state.inner.charges).get(id).filter(|c| c.account == key.account).cloned().ok_or_else(|| not_found("charge", id))
}

/// `GET /v1/charges/{id}`.
pub async fn retrieve_charge(State(state): State<AppState>, SecretKey(key): SecretKey, Path(id): Path<String>) -> Response {
    charge_of(&state, &key, &id).map_or_else(|r| r, |c| json(200, &c.json))
}

/// `POST /v1/charges/{id}/capture`: an authorized charge (`capture=false`) is captured.
pub async fn capture_charge(State(state): State<AppState>, SecretKey(key): SecretKey, Path(id): Path<String>) -> Response {
    let c = match charge_of(&state, &key, &id) {
        Ok(c) => c,
        Err(r) => return r,
    };
    if c.json["paid"] != true || c.json["captured"] == true {
        return error(400, "client_error", Some("already_captured"), "This charge cannot be captured.", Some("id"));
    }
    let mut charges = lock(&state.inner.charges);
    let stored = charges.get_mut(&id).expect("found above");
    stored.json["captured"] = true.into();
    stored.json["captured_at"] = unix_now().into();
    stored.json["expired_at"] = serde_json::Value::Null;
    json(200, &stored.json)
}

/// `POST /v1/charges/{id}/tds_finish`: applies the buyer's challenge to a charge made with
/// `three_d_secure=true`: paid (and captured, if it was to be) when verified or attempted.
pub async fn finish_charge(State(state): State<AppState>, SecretKey(key): SecretKey, Path(id): Path<String>) -> Response {
    if let Err(r) = charge_of(&state, &key, &id) {
        return r;
    }
    finish_charge_for(&state, &id)
}

/// The body of `finish_charge`, for the demo merchant too.
pub fn finish_charge_for(state: &AppState, id: &str) -> Response {
    let mut charges = lock(&state.inner.charges);
    let Some(stored) = charges.get_mut(id) else {
        return not_found("charge", id);
    };
    match stored.json["three_d_secure_status"].as_str() {
        Some("unverified") => {}
        // Finished already: the same answer again.
        Some("verified" | "attempted") => return json(200, &stored.json),
        Some("failed" | "aborted" | "error") => return error(402, "card_error", Some("three_d_secure_failed"), "3-D Secure failed for this charge.", Some("id")),
        _ => return error(400, "client_error", Some("invalid_three_d_secure_status"), "This charge was not made with three_d_secure.", Some("id")),
    }
    let Some(outcome) = lock(&state.inner.tds_outcomes).remove(id) else {
        return error(400, "client_error", Some("three_d_secure_incompleted"), "3-D Secure has not been completed for this charge.", Some("id"));
    };
    let json_value = &mut stored.json;
    json_value["three_d_secure_status"] = outcome.status().into();
    json_value["card"]["three_d_secure_status"] = outcome.status().into();
    match outcome {
        Outcome::Verified | Outcome::Attempted => {
            json_value["paid"] = true.into();
            if stored.capture {
                json_value["captured"] = true.into();
                json_value["captured_at"] = unix_now().into();
            }
            json(200, json_value)
        }
        _ => {
            json_value["failure_code"] = "three_d_secure_failed".into();
            error(402, "card_error", Some("three_d_secure_failed"), "3-D Secure failed for this charge.", Some("id"))
        }
    }
}

/// `POST /v1/customers` (`card=tok_…`, `email`, `description`): the card is saved, PAY.JP's way.
pub async fn create_customer(State(state): State<AppState>, SecretKey(key): SecretKey, FormParams(form): FormParams) -> Response {
    let id = random_id("cus_");
    let mut cards = Vec::new();
    let mut failure = None;
    if let Some(token_id) = form.get("card") {
        let mut tokens = lock(&state.inner.tokens);
        let Some(token) = tokens.get_mut(token_id).filter(|t| t.account == key.account) else {
            return not_found("token", token_id);
        };
        if token.used {
            return error(400, "client_error", Some("token_already_used"), "This token has already been used.", Some("card"));
        }
        token.used = true;
        failure = token.charge_failure;
        let mut card = token.json["card"].clone();
        card["customer"] = id.clone().into();
        cards.push(card);
    }
    let default_card = cards.first().map_or(serde_json::Value::Null, |c| c["id"].clone());
    let customer = serde_json::json!({
        "object": "customer",
        "id": id,
        "cards": { "object": "list", "count": cards.len(), "data": cards, "has_more": false, "url": format!("/v1/customers/{id}/cards") },
        "created": unix_now(),
        "default_card": default_card,
        "description": form.get("description"),
        "email": form.get("email"),
        "livemode": key.live,
        "metadata": {},
        "subscriptions": { "object": "list", "count": 0, "data": [], "has_more": false, "url": format!("/v1/customers/{id}/subscriptions") },
    });
    lock(&state.inner.customers).insert(id, Stored { json: customer.clone(), account: key.account.clone(), capture: true, charge_failure: failure });
    json(200, &customer)
}

/// `GET /v1/customers/{id}`.
pub async fn retrieve_customer(State(state): State<AppState>, SecretKey(key): SecretKey, Path(id): Path<String>) -> Response {
    lock(&state.inner.customers).get(&id).filter(|c| c.account == key.account).map_or_else(|| not_found("customer", &id), |c| json(200, &c.json))
}

/// `POST /v1/three_d_secure_requests` (`resource_id=car_…`): 3-D Secure for a customer's saved
/// card. The buyer's challenge starts at `/v1/tds/{tdsr_…}/start`; its result is applied when the
/// challenge returns (there is no tds_finish for these).
pub async fn create_tds_request(State(state): State<AppState>, SecretKey(key): SecretKey, FormParams(form): FormParams) -> Response {
    let Some(card_id) = form.get("resource_id") else {
        return error(400, "client_error", Some("missing_param"), "Send resource_id=car_...", Some("resource_id"));
    };
    let owned = lock(&state.inner.customers).values().any(|c| {
        c.account == key.account && c.json["cards"]["data"].as_array().is_some_and(|cards| cards.iter().any(|k| k["id"] == card_id))
    });
    if !owned {
        return not_found("card", card_id);
    }
    let id = random_id("tdsr_");
    let created = unix_now();
    let request = serde_json::json!({
        "object": "three_d_secure_request",
        "id": id,
        "resource_id": card_id,
        "created": created,
        "expired_at": null,
        "finished_at": null,
        "livemode": key.live,
        "result_received_at": null,
        "started_at": null,
        "state": "created",
        "tenant_id": form.get("tenant"),
        "three_d_secure_status": "unverified",
    });
    lock(&state.inner.tds_requests).insert(id, Stored { json: request.clone(), account: key.account.clone(), capture: true, charge_failure: None });
    json(200, &request)
}

/// `GET /v1/three_d_secure_requests/{id}`.
pub async fn retrieve_tds_request(State(state): State<AppState>, SecretKey(key): SecretKey, Path(id): Path<String>) -> Response {
    lock(&state.inner.tds_requests).get(&id).filter(|r| r.account == key.account).map_or_else(|| not_found("three_d_secure_request", &id), |r| json(200, &r.json))
}

/// A 3-D Secure request's challenge has returned: the request is finished with its result, and
/// the customer's card carries it.
pub fn finish_tds_request(state: &AppState, id: &str, outcome: Outcome) {
    let mut requests = lock(&state.inner.tds_requests);
    let Some(request) = requests.get_mut(id) else { return };
    let when = unix_now();
    request.json["state"] = "finished".into();
    request.json["three_d_secure_status"] = outcome.status().into();
    request.json["result_received_at"] = when.into();
    request.json["finished_at"] = when.into();
    let card_id = request.json["resource_id"].clone();
    for customer in lock(&state.inner.customers).values_mut() {
        if let Some(cards) = customer.json["cards"]["data"].as_array_mut() {
            for card in cards.iter_mut().filter(|k| k["id"] == card_id) {
                card["three_d_secure_status"] = outcome.status().into();
            }
        }
    }
}
