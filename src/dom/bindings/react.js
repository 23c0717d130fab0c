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
import { COMPONENTS, EVENTS, optionsUpdate, placeholder, resolvePayjp } from './shared.js';

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
    if (!source.current) source.current = { payjp, made: resolvePayjp(payjp, '<Elements>') };
    else if (source.current.payjp !== payjp && typeof payjp !== 'function') {
      console.warn('payjp-wasm/react: <Elements> keeps the first Payjp instance it was given; the new payjp prop is ignored.');
    }
    let live = true;
    const s = source.current;
    s.made.then(
      (instance) => {
        if (!live || !instance) return;
        s.state ??= { payjp: instance, elements: instance.elements(options) };
        setState(s.state);
      },
      // Misuse (not an instance) goes to the nearest error boundary, as a throw in render would.
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
    const latest = useRef(props);
    latest.current = props;
    const cardholderName = !!options?.cardholderName;
    useEffect(() => {
      if (!elements) return;
      const element = elements.create(type, options);
      shown.current = { element, options };
      for (const [event, handler] of EVENTS) {
        element.on(event, (e) => latest.current[`on${handler}`]?.(event === 'ready' ? element : e));
      }
      const [hold] = box.current.children;
      hold.hidden = true;
      element.mount(box.current);
      return () => {
        shown.current = null;
        element.destroy();
        hold.hidden = false;
      };
    }, [elements, cardholderName]);
    useEffect(() => {
      const s = shown.current;
      const change = s && optionsUpdate(s.options, options);
      if (!change) return;
      s.element.update(change);
      s.options = options;
    });
    const hold = placeholder(type, options);
    return createElement(
      'div',
      { id, className, ref: box },
      createElement('div', { className: hold.className, 'aria-hidden': 'true' }, createElement('div', { style: { height: hold.height } })),
    );
  }
  Component.displayName = name;
  return Component;
}

export const [CardElement, CardNumberElement, CardExpiryElement, CardCvcElement, CardholderNameElement] = COMPONENTS.map(([name, type]) => elementComponent(name, type));
