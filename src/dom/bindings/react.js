// payjp-wasm/react: React (18 and later) bindings for the card elements.
//
//   <Elements payjp={() => Payjp(pk, { frameOrigin })} options={{ locale: 'ja' }}>
//     <CardElement id="card" options={{ style }} onChange={…} />
//   </Elements>
//   const payjp = usePayjp(); const elements = useElements();
//   payjp.createToken(elements.getElement('card'))
//
// The provider makes one elements() group for its Payjp instance, on the client. Each element
// component creates its element when it mounts and destroys it when it unmounts, so StrictMode's
// mount, unmount, mount leaves one element in the page and client-side navigation leaves none
// behind. A change of `options` calls `update()` on the element in place (a change of
// `cardholderName`, which only `create` takes, makes it anew). Nothing here runs on the server
// but rendering: the placeholder has the element's final height, and hydrates as it is.
import { createContext, createElement, useContext, useEffect, useRef, useState } from 'react';
import { COMPONENTS, EVENTS, optionsKey, optionsUpdate, placeholder, resolvePayjp } from './shared.js';

const Context = createContext(null);

/**
 * `<Elements payjp options>`: `payjp` is a Payjp instance, a promise of one, a function that makes
 * one (called once, on the client), or null until you have one; `options` are those of
 * `payjp.elements()`. A later `locale` updates every element; the instance itself is kept once set.
 */
export function Elements({ payjp, options, children }) {
  const [state, setState] = useState({ payjp: null, elements: null });
  // The first non-null `payjp` and what it resolves to: StrictMode's second effect run, and every
  // render that passes a new arrow function, reuse it instead of making a second instance.
  const source = useRef(null);
  useEffect(() => {
    if (payjp == null) return;
    if (!source.current) {
      const s = (source.current = { payjp });
      s.made = resolvePayjp(payjp, '<Elements>').then((instance) => {
        // A promise of null leaves the provider free to take the next payjp.
        if (!instance && source.current === s) source.current = null;
        return instance && { payjp: instance, elements: instance.elements(options) };
      });
    } else if (source.current.payjp !== payjp && typeof payjp !== 'function') {
      console.warn('payjp-wasm/react: <Elements> keeps the first Payjp instance it was given; the new payjp prop is ignored.');
    }
    let live = true;
    source.current.made.then(
      (made) => live && made && setState(made),
      // Misuse (not an instance, a refused key, a group it cannot make) goes to the nearest
      // error boundary, as a throw in render would.
      (err) => live && setState(() => {
        throw err;
      }),
    );
    return () => {
      live = false;
    };
  }, [payjp]);
  const locale = options?.locale;
  useEffect(() => {
    if (locale !== undefined) state.elements?.update({ locale });
  }, [state.elements, locale]);
  return createElement(Context.Provider, { value: state }, children);
}

function useContextOf(hook) {
  const ctx = useContext(Context);
  if (!ctx) throw new Error(`${hook}: expected a component inside <Elements>.`);
  return ctx;
}

/** The provider's Payjp instance, or null until it has one. */
export function usePayjp() {
  return useContextOf('usePayjp').payjp;
}

/** The provider's elements() group (`getElement('card')` finds the element), or null until ready. */
export function useElements() {
  return useContextOf('useElements').elements;
}

function elementComponent(name, type) {
  function Component(props) {
    const { elements } = useContextOf(`<${name}>`);
    const { id, className, options } = props;
    const box = useRef(null);
    const shown = useRef(null);
    // The handlers of the last committed render, which the element's events call.
    const latest = useRef(props);
    useEffect(() => {
      latest.current = props;
    });
    const cardholderName = !!options?.cardholderName;
    useEffect(() => {
      if (!elements) return;
      let s = shown.current;
      if (s && (s.elements !== elements || s.cardholderName !== cardholderName)) {
        drop(s);
        s = null;
      }
      // StrictMode unmounts and mounts again at once: the element it parked is kept, not made twice.
      if (s) s.parked = false;
      else {
        const element = elements.create(type, options);
        s = shown.current = { element, elements, cardholderName, key: optionsKey(options) };
        for (const [event, handler] of EVENTS) {
          element.on(event, (e) => latest.current[`on${handler}`]?.(event === 'ready' ? element : e));
        }
        box.current.firstChild.style.display = 'none';
        element.mount(box.current);
      }
      return () => {
        s.parked = true;
        queueMicrotask(() => s.parked && drop(s));
      };
    }, [elements, cardholderName]);
    const drop = (s) => {
      if (s.dropped) return;
      s.dropped = true;
      s.element.destroy();
      if (shown.current === s) shown.current = null;
    };
    useEffect(() => {
      const s = shown.current;
      const change = s && optionsUpdate(s.key, options);
      if (!change) return;
      s.element.update(change);
      s.key = optionsKey(options);
    });
    const hold = placeholder(type, options);
    return createElement(
      'div',
      { id, className, ref: box },
      createElement(
        'div',
        { className: hold.className, 'aria-hidden': 'true' },
        createElement('div', { style: hold.row }, hold.boxes.map((style, i) => createElement('div', { key: i, style }))),
      ),
    );
  }
  Component.displayName = name;
  return Component;
}

export const [CardElement, CardNumberElement, CardExpiryElement, CardCvcElement, CardholderNameElement] = COMPONENTS.map(([name, type]) => elementComponent(name, type));
