// The attacker's toolkit, loaded first: what a skimmer captured goes to window.__skimmed and to
// /skim on the merchant's server (where an attacker would beacon it). Console errors are kept for
// the test too (geckodriver has no log API).
(function () {
  window.__skimmed = [];
  window.__consoleErrors = [];
  window.__attackReady = true;
  var send = navigator.sendBeacon.bind(navigator);
  var stringify = JSON.stringify;
  window.__skim = function (what, data) {
    var text;
    try {
      text = typeof data === 'string' ? data : stringify(data);
    } catch (e) {
      text = String(data);
    }
    window.__skimmed.push(what + ' ' + text);
    try {
      send('/skim', what + ' ' + text);
    } catch (e) {}
  };
  var error = console.error;
  console.error = function () {
    window.__consoleErrors.push(Array.prototype.join.call(arguments, ' '));
    return error.apply(console, arguments);
  };
  /** The hash parameters of one of the SDK's frames (nonce, instance, group…): public to the page. */
  window.__frameParams = function (iframe) {
    return new URLSearchParams(iframe.src.split('#')[1] || '');
  };
  /** A port whose every message is skimmed. */
  window.__listeningPort = function (what, onData) {
    var channel = new (window.__RealMessageChannel || MessageChannel)();
    channel.port1.onmessage = function (e) {
      window.__skim(what, e.data);
      if (onData) onData(e.data, channel.port1, e);
    };
    return channel;
  };
})();
