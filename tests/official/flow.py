"""A merchant's backend written with PAY.JP's official Python library (payjp 1.6.1), run against
the devserver with only the API base changed, as PAY.JP's docs write it:

- token-level 3-D Secure: the browser made a token with three_d_secure=true; the buyer passed the
  challenge; the server calls Token.tds_finish(), then Charge.create();
- charge-level 3-D Secure: Charge.create(three_d_secure=True), the challenge through PAY.JP's
  server-driven redirect (back_url: a JWS signed with the secret key, as payjp-php-tds-sample),
  then charge.tds_finish();
- a customer's saved card: Customer.create(card=token), ThreeDSecureRequest.create(resource_id=
  card), the challenge, ThreeDSecureRequest.retrieve();
- capture later, and the errors a backend must handle (a used token, a declined card).

The buyer's browser is played over HTTP (start, the issuer's form, finish), as tests/tds does in
real browsers. Prints one JSON object with what it saw; tests/official/official.test.mjs checks it.
Environment: PAYJP_API_BASE (http://127.0.0.1:PORT), PAYJP_PUBLIC_KEY, PAYJP_SECRET_KEY.
"""

import base64
import hashlib
import hmac
import json
import os
import sys
from urllib.parse import parse_qs, urljoin, urlparse

import payjp
import requests

API = os.environ["PAYJP_API_BASE"]
PUBLIC = os.environ["PAYJP_PUBLIC_KEY"]
SECRET = os.environ["PAYJP_SECRET_KEY"]

payjp.api_key = SECRET
payjp.api_base = API


def browser_token(three_d_secure, number="4242424242424242"):
    """What payjp.js (or payjp-wasm) does in the buyer's browser, with the public key."""
    card = {"card[number]": number, "card[cvc]": "123", "card[exp_month]": "12", "card[exp_year]": "2040"}
    if three_d_secure:
        card.update({"card[name]": "TARO YAMADA", "card[email]": "taro@example.jp", "three_d_secure": "true"})
    r = requests.post(API + "/v1/tokens", data=card, auth=(PUBLIC, ""))
    r.raise_for_status()
    return r.json()["id"]


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def back_url(url):
    """payjp-php-tds-sample's back_url: HS256 over {"url": ...} with the secret key."""
    header = b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    payload = b64(json.dumps({"url": url}).encode())
    signature = hmac.new(SECRET.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


def challenge(resource_id, back):
    """The buyer's browser: PAY.JP's start page, the issuer's form, and where finish sends it."""
    s = requests.Session()
    start = s.get(f"{API}/v1/tds/{resource_id}/start", params={"publickey": PUBLIC, **back}, allow_redirects=False)
    assert start.status_code == 302, start.text
    issuer = start.headers["location"]
    session = parse_qs(urlparse(issuer).query)["s"][0]
    page = s.get(issuer)
    assert "123456" in page.text
    chosen = s.post(urljoin(issuer, f"/issuer/{resource_id}"), data={"s": session, "code": "123456", "choice": "verified"}, allow_redirects=False)
    finish = s.get(chosen.headers["location"], allow_redirects=False)
    return finish.headers["location"]


seen = {}

# Token-level 3-D Secure.
token_id = browser_token(True)
seen["token_before"] = payjp.Token.retrieve(token_id).card.three_d_secure_status
seen["token_returned_to"] = challenge(token_id, {"back": "payjp-wasm"})
token = payjp.Token.retrieve(token_id).tds_finish()
seen["token_after"] = token.card.three_d_secure_status
charge = payjp.Charge.create(card=token_id, amount=3980, currency="jpy")
seen["token_charge"] = {"paid": charge.paid, "captured": charge.captured, "amount": charge.amount}
try:
    payjp.Charge.create(card=token_id, amount=3980, currency="jpy")
    seen["reuse"] = "accepted"
except payjp.error.PayjpException as e:
    seen["reuse"] = {"class": type(e).__name__, "code": e.json_body["error"]["code"], "status": e.http_status}

# Charge-level 3-D Secure, server-driven redirect with a signed back_url.
charge = payjp.Charge.create(card=browser_token(False), amount=5000, currency="jpy", three_d_secure=True)
seen["charge_before"] = {"paid": charge.paid, "status": charge.three_d_secure_status}
seen["charge_returned_to"] = challenge(charge.id, {"back_url": back_url("https://shop.example/tds/callback?order=42")})
charge = payjp.Charge.retrieve(charge.id).tds_finish()
seen["charge_after"] = {"paid": charge.paid, "captured": charge.captured, "status": charge.three_d_secure_status}

# Authorize now, capture later.
charge = payjp.Charge.create(card=browser_token(False), amount=1200, currency="jpy", capture=False)
seen["authorized"] = {"paid": charge.paid, "captured": charge.captured}
charge.capture()
seen["captured"] = charge.captured

# A customer's saved card, verified through a 3-D Secure request.
customer = payjp.Customer.create(card=browser_token(False, "3530111333300000"), email="taro@example.jp")
request = payjp.ThreeDSecureRequest.create(resource_id=customer.default_card)
seen["request_before"] = {"state": request.state, "status": request.three_d_secure_status}
challenge(request.id, {"back": "payjp-wasm"})
request = payjp.ThreeDSecureRequest.retrieve(request.id)
seen["request_after"] = {"state": request.state, "status": request.three_d_secure_status}
charge = payjp.Charge.create(customer=customer.id, amount=700, currency="jpy")
seen["customer_charge"] = {"paid": charge.paid, "brand": charge.card.brand}

# A card that tokenizes but is declined at charge time.
try:
    payjp.Charge.create(card=browser_token(False, "4000000000080319"), amount=1000, currency="jpy")
    seen["declined"] = "accepted"
except payjp.error.CardError as e:
    seen["declined"] = {"class": type(e).__name__, "status": e.http_status}

json.dump(seen, sys.stdout)
