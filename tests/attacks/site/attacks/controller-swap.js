// Attack, after mount: once the buyer has typed a complete card, remove the SDK's controller
// frame and put a genuine field frame of the attacker's in its place: made for the SDK's own
// instance, group, key and API base, claiming the buyer's `card` slot, and empty. The buyer's
// press finds the controller gone; the next press starts a new controller, which waits for its
// group's fields to join it, and both the buyer's field and the attacker's answer its call. Were
// the controller to take whichever answered first, it could tokenize the attacker's frame (or,
// with a field the buyer was lured into typing in, a card of the attacker's choosing) in place of
// the card the buyer typed.
(function () {
  window.__whenReady(function () {
    window.__attackReady = true;
    window.__whenTyped(function () {
      var field = window.__frameParams(document.querySelector('.payjp-frame-host iframe.payjp-frame'));
      document.querySelector('iframe.payjp-controller').remove();
      var claim = { mode: 'field', type: 'card', instance: field.get('instance'), group: field.get('group'), key: field.get('key'), api: field.get('api') };
      window.__genuineFrame(claim, { options: {} }, function () {
        window.__attackDone = true;
      });
    });
  });
})();
