// payjp.js: the drop-in classic script. A page written for payjp.js v2 swaps its script tag for
// this one and changes nothing else:
//
//   <script src="https://…/payjp-wasm/payjp.js"></script>
//   <script>
//     var payjp = Payjp('pk_test_…');
//     var elements = payjp.elements();
//     var numberElement = elements.create('cardNumber');
//     numberElement.mount('#number-form');
//     …
//     payjp.createToken(numberElement).then(function (r) { … });
//   </script>
//
// `window.Payjp` exists as soon as this script has run. The module (index.js beside this file)
// and its wasm load in the background; every call made before they are ready is queued and
// replayed in order, and the methods that return promises resolve once the real call has.
// Options the snippet does not pass can come from the script tag: data-api-base,
// data-frame-origin, data-frame-url, data-locale (for local testing and self-hosting).
(function () {
  'use strict';
  if (typeof window === 'undefined' || window.Payjp) return;
  var script = document.currentScript;
  var base = script && script.src ? script.src : window.location.href;
  var data = (script && script.dataset) || {};
  var loading = null;

  function load() {
    if (!loading) {
      loading = import(new URL('index.js', base).href).then(function (module) {
        return module.default().then(function () {
          return module;
        });
      });
      loading.catch(function () {
        loading = null; // a later call retries
      });
    }
    return loading;
  }

  /** A stand-in for an object that exists once the module has loaded. */
  function deferred(realPromise, methods) {
    var chain = realPromise;
    var proxy = { __payjpReal: realPromise };
    Object.keys(methods).forEach(function (name) {
      var kind = methods[name];
      proxy[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        if (kind === 'async') {
          // Promise-returning methods: wait for the object and for every call queued before.
          return chain.then(function (real) {
            return Promise.all(args.map(unwrap)).then(function (realArgs) {
              return real[name].apply(real, realArgs);
            });
          });
        }
        if (typeof kind === 'object') {
          // Methods that return another object: a stand-in for it, in queue order.
          var next = chain.then(function (real) {
            return real[name].apply(real, args);
          });
          chain = next.then(
            function () {
              return realPromise;
            },
            function () {
              return realPromise;
            }
          );
          return deferred(next, kind);
        }
        // Methods that return nothing: queued, and replayed in order.
        chain = chain.then(function (real) {
          real[name].apply(real, args);
          return real;
        });
        chain.catch(function (e) {
          console.error(e);
        });
        return proxy;
      };
    });
    return proxy;
  }

  function unwrap(value) {
    return value && value.__payjpReal ? value.__payjpReal : value;
  }

  var ELEMENT = { mount: 'sync', unmount: 'sync', destroy: 'sync', focus: 'sync', blur: 'sync', clear: 'sync', update: 'sync', on: 'sync', off: 'sync' };
  var ELEMENTS = { create: ELEMENT, getElement: 'async' };
  var BADGE = { mount: 'sync', unmount: 'sync', destroy: 'sync' };
  var INSTANCE = {
    elements: ELEMENTS,
    securityBadge: BADGE,
    createToken: 'async',
    retrieveAvailability: 'async',
    checkConnection: 'async',
    handleThreeDSecureRedirect: 'async',
    openThreeDSecureDialog: 'async',
  };

  window.Payjp = function Payjp(publicKey, options) {
    // The one mistake that must never wait: a secret key in a page.
    if (typeof publicKey === 'string' && publicKey.indexOf('sk_') === 0) {
      throw new Error('Payjp: a secret key (sk_...) was given. Secret keys must never be used in a browser; pass your public key (pk_test_... or pk_live_...).');
    }
    var merged = Object.assign(
      {},
      data.apiBase ? { apiBase: data.apiBase } : {},
      data.frameOrigin ? { frameOrigin: data.frameOrigin } : {},
      data.frameUrl ? { frameUrl: data.frameUrl } : {},
      data.locale ? { locale: data.locale } : {},
      options || {}
    );
    var real = load().then(function (module) {
      return module.Payjp(publicKey, merged);
    });
    real.catch(function (e) {
      console.error(e);
    });
    return deferred(real, INSTANCE);
  };
})();
