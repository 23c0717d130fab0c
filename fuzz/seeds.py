#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the project's own table tests.

The cases are read out of the test files (string literals of the table tests, the reformat
tuples, the API fixtures, the devserver's requests) and the peer vectors
(tests/fixtures/peer_vectors.json), and written in each target's input format (fuzz/src/lib.rs:
arguments separated by the byte 0xFF). `make fuzz` runs this before the first run of a target
whose corpus is empty; the committed corpus is what `cargo fuzz cmin` kept of seeds and finds.

    python3 fuzz/seeds.py [TARGET...]    (default: every target)
"""
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEP = b"\xff"


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def unescape(body):
    """A Rust string literal's contents, escapes decoded."""
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "u":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3:end], 16)))
            i = end + 1
        elif n == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == "\n":  # a line continuation: the newline and the next line's indentation go
            i += 2
            while i < len(body) and body[i] in " \t":
                i += 1
        else:
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}[n])
            i += 2
    return "".join(out)


LITERAL = re.compile(r'(?<![A-Za-z0-9_])(?:r(#*)"(.*?)"\1|b?"((?:[^"\\]|\\.)*)")', re.S)


def literals(text):
    for m in LITERAL.finditer(text):
        if m.group(0).startswith("b"):
            continue
        yield m.group(2) if m.group(2) is not None else unescape(m.group(3))


def function(path, name):
    """The text of `fn name` in a test file (up to the next top-level closing brace)."""
    text = read(path)
    start = text.index(f"fn {name}(")
    end = text.find("\n}\n", start)
    return text[start:end]


def functions(path, *names):
    return "\n".join(function(path, n) for n in names)


def peer(kind):
    vectors = json.loads(read("tests/fixtures/peer_vectors.json"))["vectors"]
    return [v["input"] for v in vectors if v["kind"] == kind and isinstance(v.get("input"), str)]


TEST_CARDS = [s for s in literals(read("tests/common/mod.rs")) if s.isdigit()]
KINDS = {"Insert": 0, "DeleteBackward": 1, "Back": 1, "DeleteForward": 2, "Forward": 2}


def reformat_cases(path):
    """(previous, current, caret, kind) tuples and calls of the table tests."""
    text = read(path)
    pattern = re.compile(r'\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",\s*\*?(\d+),\s*(?:EditKind::)?(\w+)')
    for m in pattern.finditer(text):
        if m.group(4) in KINDS:
            caret = int(m.group(3))
            yield (unescape(m.group(1)).encode() + SEP + unescape(m.group(2)).encode() + SEP
                   + bytes([caret & 0xFF, caret >> 8, KINDS[m.group(4)]]))


def api_fixtures():
    """(status, body) pairs of the client's tests, and the devserver's canned bodies."""
    text = read("tests/api_client.rs")
    for m in re.finditer(r'\((\d{3}),\s*r#"(.*?)"#', text, re.S):
        yield int(m.group(1)), m.group(2)
    consts = dict(re.findall(r'const (\w+): &str = r#"(.*?)"#;', text + read("devserver/src/api_error.rs"), re.S))
    yield 200, consts["TOKEN_JSON"]
    yield 429, consts["OVER_CAPACITY"]
    yield 404, consts["CDN_TEST"]
    yield 500, consts["SERVER_ERROR"]
    yield 503, consts["SERVICE_UNAVAILABLE"]
    yield 200, '{"object":"token","id":"tok_'
    yield 403, "<!DOCTYPE html><html><body>blocked</body></html>"


def api_bytes():
    for status, body in api_fixtures():
        for flags, retry_after in [(0, b""), (1, b""), (0, b"2"), (0, b" 120 ")]:
            yield status.to_bytes(2, "little") + bytes([flags]) + retry_after + SEP + body.encode()


def api_json():
    for _, body in api_fixtures():
        yield body.encode()


def form_bodies():
    name, email, phone = b"TARO YAMADA", b"taro@example.jp", b"090-1234-5678"
    for number in TEST_CARDS:
        cvc = b"1234" if number[:2] in ("34", "37") else b"123"
        for expiry, holder, flags in [(b"12/30", [b"", b"", b""], 0), (b"1230", [name, email, b""], 1),
                                      ("１２／３０".encode(), [name, b"", phone], 1)]:
            fields = [number.encode(), cvc, expiry, b"2030"] + holder + [b"JP", "東京都".encode(), "渋谷区".encode(),
                                                                           "道玄坂1-2-3".encode(), "ビル 4F".encode(), b"150-0043", b"", bytes([flags])]
            yield SEP.join(fields)
    yield SEP.join([b""] * 14 + [b"\x00"])


def form(pairs):
    from urllib.parse import urlencode
    return urlencode(pairs).encode()


def card_form(number, cvc=b"123", extra=()):
    return form([("card[number]", number), ("card[exp_month]", "12"), ("card[exp_year]", "2040"), ("card[cvc]", cvc)] + list(extra))


def request(method, content_type, host, flags, target, key, origin=b"", fault=b"", body=b""):
    return [bytes([method, content_type, host, flags]), target, key, origin, fault, body]


GET, POST, OPTIONS = 0, 1, 2
NO_CT, FORM, JSON = 0, 1, 3
PK, SK, PK_LIVE, PK_OTHER = b"\x00", b"\x01", b"\x02", b"\x03"


def devserver_requests():
    tds = [("card[name]", "TARO YAMADA"), ("card[email]", "taro@example.jp"), ("three_d_secure", "true")]
    sequences = []
    for number in TEST_CARDS:
        cvc = "1234" if number[:2] in ("34", "37") else "123"
        sequences.append([request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form(number, cvc)),
                          request(GET, NO_CT, 0, 0, b"/v1/tokens/{id}", PK)])
    for line in re.findall(r'\("(card%5Bnumber[^"]*)", "\w+"\)', function("devserver/tests/token_api.rs", "bad_card_data_gets_payjp_codes")):
        sequences.append([request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=line.encode())])
    sequences += [
        # 3-D Secure: a token, its challenge, the issuer's page and form, finish, tds_finish.
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form("4242424242424242", extra=tds)),
         request(GET, NO_CT, 0, 0, b"/v1/tds/{id}/start?publickey=pk_test_0123456789abcdef01234567&back=payjp-wasm", b""),
         request(POST, FORM, 1, 0, b"/issuer/{id}", b"", body=b"s={s}&choice=verified&code=123456"),
         request(GET, NO_CT, 0, 0, b"/v1/tds/{id}/finish?s={s}", b"")],
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form("4242424242424242", extra=tds)),
         request(POST, NO_CT, 0, 0, b"/v1/tokens/{id}/tds_finish", SK)],
        # The server API: a charge, its capture; a customer; a 3-D Secure request.
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form("4242424242424242")),
         request(POST, FORM, 0, 0, b"/v1/charges", SK, body=b"card={id}&amount=3980&currency=jpy&capture=false"),
         request(POST, FORM, 0, 0, b"/v1/charges/{id}/capture", SK),
         request(GET, NO_CT, 0, 0, b"/v1/charges/{id}", SK)],
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form("4000000000080319")),
         request(POST, FORM, 0, 0, b"/v1/customers", SK, body=b"card={id}&email=taro%40example.jp"),
         request(POST, FORM, 0, 0, b"/v1/three_d_secure_requests", SK, body=b"resource_id={id}")],
        [request(GET, NO_CT, 0, 0, b"/v1/accounts/brands?tenant=ten_1", PK)],
        # Auth, CORS, faults, the control endpoints, the frame pages.
        [request(POST, FORM, 0, 0, b"/v1/tokens", b"", body=card_form("4242424242424242"))],
        [request(POST, FORM, 0, 0, b"/v1/tokens", SK, origin=b"\x00", body=card_form("4242424242424242"))],
        [request(OPTIONS, NO_CT, 0, 0, b"/v1/tokens", b"", origin=b"\x00")],
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, origin=b"\x02", body=card_form("4242424242424242"))],
        [request(POST, FORM, 0, 2, b"/v1/tokens", b"Bearer pk_test_0123456789abcdef01234567", body=card_form("4242424242424242"))],
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, fault=fault, body=card_form("4242424242424242"))
         for fault in (b"status=429", b"latency=300,status=503", b"html403", b"truncated", b"garbage", b"drop")],
        [request(POST, JSON, 0, 0, b"/__control/faults", b"", body=b'{"fault":"status=500","count":2,"key":"pk_test_0123456789abcdef01234567"}'),
         request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form("4242424242424242")),
         request(GET, NO_CT, 0, 0, b"/__control/stats?key=pk_test_0123456789abcdef01234567", b""),
         request(POST, JSON, 0, 0, b"/__control/reset", b"", body=b"{}")],
        [request(POST, JSON, 0, 0, b"/__control/tds", b"", body=b'{"mode":"auto","outcome":"failed","frame":false}'),
         request(POST, JSON, 3, 0, b"/__control/tds", b"", body=b'{"mode":"hang"}'),
         request(POST, JSON, 0, 1, b"/__control/reset", b"", body=b"{}")],
        [request(GET, NO_CT, 0, 0, b"/frame.html", b""), request(GET, NO_CT, 0, 0, b"/tds-return.html", b""),
         request(GET, NO_CT, 0, 0, b"/nothing/../Cargo.toml", b"")],
        # The demo merchant: a charge for a token, its order replayed, the request log.
        [request(POST, FORM, 0, 0, b"/v1/tokens", PK, body=card_form("4242424242424242")),
         request(POST, JSON, 1, 0, b"/charge", b"", body=b'{"token":"{id}","amount":3980,"order":"o1"}'),
         request(POST, JSON, 1, 0, b"/charge", b"", body=b'{"token":"{id}","amount":3980,"order":"o1"}'),
         request(GET, NO_CT, 1, 0, b"/__log", b"")],
    ]
    for seq in sequences:
        yield SEP.join(arg for req in seq for arg in req)


def b64url(data):
    import base64
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jws_cases():
    hexes = [b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x00\x01\x02\x03\x04\x05\x06\x07"]
    headers = [b'{"alg":"HS256","typ":"JWT"}', b'{"alg":"HS256"}', b'{"alg":"none"}', b'{"alg":"HS512"}', b"[]", b"not json"]
    payloads = [b'{"url":"https://shop.example/back"}', b'{"url":"https://evil.example/"}', b'{"return":"https://x.example/"}',
                b'{"url":"javascript:alert(1)"}', b'{"url":"data:text/html,x"}', b'{"url":"http://x"}', b'{"url":"http://127.0.0.1:8080/tds/back?o=1"}']
    wholes = ["", "a.b", "a.b.c.d", "!!!.???.***", f"{b64url(headers[2])}.{b64url(payloads[1])}.", f"{b64url(headers[2])}.{b64url(payloads[1])}"]
    for h in headers:
        for p in payloads:
            for i, w in enumerate(wholes):
                yield SEP.join([h, p, hexes[0], bytes([i * 7, 0, ord(".")]), w.encode()])


def redirect_cases():
    config = read("devserver/src/config.rs")
    specs = [s for s in literals(config[config.index("fn redirect_names"):]) if s not in ("--tds-redirect", "{bad}")]
    backs = ["shop", "payjp-wasm", "other", "https://shop.example/back", "/relative", "", "SHOP", "shop ", "shop%00"]
    urls = ["https://shop.example/back", "http://127.0.0.1:8080/tds/back?order=1", "javascript:alert(1)", "https://ショップ.example/戻る"]
    for i, spec in enumerate(specs + ["a=https://a.example/", "a=https://b.example/"]):
        for mode, back in enumerate(backs):
            yield SEP.join([spec.encode(), b"payjp-wasm=https://override.example/", b"", back.encode(), urls[mode % len(urls)].encode(), bytes([(i + mode) % 8])])


def api_config():
    keys = list(literals(function("tests/api_client.rs", "public_keys")))
    bases = [s for s in literals(function("tests/api_client.rs", "api_bases")) if "/" in s or ":" in s]
    for i, base in enumerate(bases):
        yield keys[i % len(keys)].encode() + SEP + base.encode()
    for key in keys:
        yield key.encode() + SEP + b"https://api.pay.jp/v1"


def lines(strings):
    for s in strings:
        yield s.encode() if isinstance(s, str) else s


CORE = "tests/core_fields.rs"
TARGETS = {
    "card_number": lambda: lines(list(literals(read("tests/core_number.rs"))) + TEST_CARDS + peer("number") + peer("brand")),
    "expiry": lambda: (s.encode() + suffix for s in list(literals(functions(CORE, "expiry_formats_accepted", "expiry_states",
        "expiry_three_digit_year_waits_for_any_acceptable_year_of_its_decade", "expiry_three_digit_year_waits_exactly_when_a_fourth_digit_can_complete_it",
        "expiry_issue_18_vectors", "two_digit_years_follow_the_clock"))) + peer("expiry") for suffix in (b"", SEP + bytes([95, 4]))),
    "cvc": lambda: lines(list(literals(function(CORE, "cvc_table"))) + peer("cvc")),
    "holder_name": lambda: lines(list(literals(function(CORE, "holder_name_table"))) + peer("name")),
    "email": lambda: lines(list(literals(functions(CORE, "email_table", "email_domain_suggestions"))) + peer("email")),
    "phone": lambda: lines(list(literals(function(CORE, "phone_table"))) + peer("phone")),
    "kana_to_romaji": lambda: lines(literals(read("tests/core_romaji.rs"))),
    "reformat_card_number": lambda: reformat_cases("tests/core_number.rs"),
    "reformat_expiry": lambda: list(reformat_cases(CORE)) + list(reformat_cases("tests/core_number.rs")),
    "api_response_bytes": api_bytes,
    "api_response_json": api_json,
    "api_config": api_config,
    "form_body": form_bodies,
    "devserver_request": devserver_requests,
    "devserver_jws": jws_cases,
    "devserver_redirect": redirect_cases,
}


def main(names):
    for name in names or TARGETS:
        directory = os.path.join(ROOT, "fuzz", "corpus", name)
        os.makedirs(directory, exist_ok=True)
        count = 0
        for data in TARGETS[name]():
            path = os.path.join(directory, "seed-" + hashlib.sha1(data).hexdigest()[:16])
            if not os.path.exists(path):
                with open(path, "wb") as f:
                    f.write(data)
                count += 1
        print(f"seeds: {name}: {count} new")


if __name__ == "__main__":
    main(sys.argv[1:])
