// What every integration page here shares: the test key, and showing the result where the test
// (and a person) can read it.
window.KEY = 'pk_test_0123456789abcdef01234567';
window.show = function (state, text, token) {
  var result = document.getElementById('result');
  result.dataset.state = state;
  if (token) result.dataset.token = token;
  result.textContent = text;
};
window.postJson = function (url, body) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) { return r.json(); });
};
