// payjp-wasm/vue: Vue (3.3 and later) bindings for the card elements.
//
//   <Elements :payjp="() => Payjp(pk, { frameOrigin })" :options="{ locale: 'ja' }">
//     <CardElement id="card" :options="{ style }" @change="…" />
//   </Elements>
//   const payjp = usePayjp(); const elements = useElements();   // refs, null until ready
//   await payjp.value.createToken(elements.value.getElement('card'))
//
// Or `app.use(PayjpPlugin)` to register them globally (the provider as <PayjpElements>). The
// provider makes one elements() group for its Payjp instance, on the client (onMounted). Each
// element component
// creates its element when it mounts and destroys it when it unmounts; inside <KeepAlive> the
// element leaves the page while its component is inactive and comes back when it is activated
// (its fields start empty again: a frame moved out of the page reloads).
// A change of `options` calls `update()` in place (of `cardholderName`, which only `create`
// takes, makes the element anew). On the server only the placeholder renders, with the
// element's final height, and hydrates as it is.
import { defineComponent, h, inject, onActivated, onBeforeUnmount, onDeactivated, onMounted, provide, shallowRef, toRaw, watch } from 'vue';
import { COMPONENTS, EVENTS, optionsKey, optionsUpdate, placeholder, resolvePayjp } from './shared.js';

const KEY = Symbol('payjp-wasm');
/** Each SDK event and the name a component emits it by (`loadError`: `@load-error` in templates). */
const EMITS = EVENTS.map(([event, handler]) => [event, handler[0].toLowerCase() + handler.slice(1)]);

/**
 * `<Elements :payjp :options>`: `payjp` is a Payjp instance, a promise of one, a function that
 * makes one (called once, on the client), or null until you have one; `options` are those of
 * `payjp.elements()`. A later `locale` updates every element; the instance is kept once set.
 */
export const Elements = defineComponent({
  name: 'PayjpElements',
  props: { payjp: { type: null, default: null }, options: { type: Object, default: undefined } },
  setup(props, { slots }) {
    const payjp = shallowRef(null);
    const elements = shallowRef(null);
    // Misuse (not an instance, a factory that throws) is thrown from render, where Vue's
    // errorHandler and onErrorCaptured see it.
    const failure = shallowRef(null);
    provide(KEY, { payjp, elements });
    let source = null;
    let live = true;
    const take = (value) => {
      if (value == null) return;
      if (source) {
        if (source !== value && typeof value !== 'function') console.warn('payjp-wasm/vue: <Elements> keeps the first Payjp instance it was given; the new payjp prop is ignored.');
        return;
      }
      const s = (source = value);
      // An instance kept in ref() arrives as a reactive proxy, whose private fields cannot be read.
      resolvePayjp(toRaw(value), '<Elements>')
        .then((instance) => {
          if (!instance && source === s) source = null; // a promise of null: free for the next
          return instance && [toRaw(instance), toRaw(instance).elements(props.options)];
        })
        .then(
          (made) => {
            if (!live || !made) return;
            elements.value = made[1];
            payjp.value = made[0];
          },
          (err) => live && (failure.value = err),
        );
    };
    onMounted(() => {
      take(props.payjp);
      watch(() => props.payjp, take);
      watch(() => props.options?.locale, (locale) => locale !== undefined && elements.value?.update({ locale }));
    });
    onBeforeUnmount(() => {
      live = false;
    });
    return () => {
      if (failure.value) throw failure.value;
      return slots.default?.();
    };
  },
});

function injected(what) {
  const ctx = inject(KEY, null);
  if (!ctx) throw new Error(`${what}: expected a component inside <Elements>.`);
  return ctx;
}

/** The provider's Payjp instance, as a ref: null until it has one. */
export function usePayjp() {
  return injected('usePayjp').payjp;
}

/** The provider's elements() group, as a ref (`getElement('card')` finds the element): null until ready. */
export function useElements() {
  return injected('useElements').elements;
}

function elementComponent(name, type) {
  return defineComponent({
    name,
    props: { options: { type: Object, default: undefined } },
    emits: EMITS.map(([, name]) => name),
    setup(props, { emit, expose }) {
      const { elements } = injected(`<${name}>`);
      const box = shallowRef(null);
      // Until the element is mounted, and on the server, the placeholder shows.
      const mounted = shallowRef(false);
      let shown = null;
      const show = () => {
        shown?.element.destroy();
        shown = null;
        if (!elements.value || !box.value) return;
        const element = elements.value.create(type, props.options);
        shown = { element, key: optionsKey(props.options) };
        for (const [event, name] of EMITS) element.on(event, (e) => emit(name, event === 'ready' ? element : e));
        element.mount(box.value);
        mounted.value = true;
      };
      onMounted(() => {
        show();
        watch(elements, show);
        watch(() => !!props.options?.cardholderName, show);
        // The options' JSON: a change in place (a reactive object) counts, a new object with the
        // same options does not.
        watch(() => optionsKey(props.options), () => {
          const change = shown && optionsUpdate(shown.key, props.options);
          if (!change) return;
          shown.element.update(change);
          shown.key = optionsKey(props.options);
        });
      });
      // <KeepAlive>: an inactive element leaves the page (its view of another route may show a
      // card element of the same group meanwhile) and comes back when its view does; made anew
      // if another element of its group took its place.
      onDeactivated(() => shown?.element.unmount());
      onActivated(() => {
        if (!shown || !box.value) return;
        if (elements.value?.getElement(type) === shown.element) shown.element.mount(box.value);
        else show();
      });
      onBeforeUnmount(() => {
        shown?.element.destroy();
        shown = null;
      });
      expose({ element: () => shown?.element ?? null });
      return () => {
        const p = placeholder(type, props.options);
        return h('div', { ref: box }, [
          h('div', { class: p.className, 'aria-hidden': 'true', style: mounted.value ? { display: 'none' } : undefined }, [
            h('div', { style: p.row }, p.boxes.map((style) => h('div', { style }))),
          ]),
        ]);
      };
    },
  });
}

const components = COMPONENTS.map(([name, type]) => elementComponent(name, type));
export const [CardElement, CardNumberElement, CardExpiryElement, CardCvcElement, CardholderNameElement] = components;

/** `app.use(PayjpPlugin)`: registers <PayjpElements> and the element components by name. */
export const PayjpPlugin = {
  install(app) {
    app.component('PayjpElements', Elements);
    COMPONENTS.forEach(([name], i) => app.component(name, components[i]));
  },
};
