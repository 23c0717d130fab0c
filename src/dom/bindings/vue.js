// payjp-wasm/vue: Vue (3.3 and later) bindings for the card elements.
//
//   <Elements :payjp="() => Payjp(pk, { frameOrigin })" :options="{ locale: 'ja' }">
//     <CardElement id="card" :options="{ style }" @change="…" />
//   </Elements>
//   const payjp = usePayjp(); const elements = useElements();   // refs, null until ready
//   await payjp.value.createToken(elements.value.getElement('card'))
//
// Or `app.use(PayjpPlugin)` to register the components globally. The provider makes one
// elements() group for its Payjp instance, on the client (onMounted). Each element component
// creates its element when it mounts and destroys it when it unmounts; inside <KeepAlive> the
// element stays alive while its component is deactivated and shows again when it is activated.
// A change of `options` calls `update()` in place (of `cardholderName`, which only `create`
// takes, makes the element anew). On the server only the placeholder renders, with the
// element's final height, and hydrates as it is.
import { defineComponent, h, inject, onBeforeUnmount, onMounted, provide, shallowRef, watch } from 'vue';
import { COMPONENTS, EVENTS, optionsUpdate, placeholder, resolvePayjp } from './shared.js';

const KEY = Symbol('payjp-wasm');

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
      source = value;
      resolvePayjp(value, '<Elements>').then(
        (instance) => {
          if (!live || !instance) return;
          elements.value = instance.elements(props.options);
          payjp.value = instance;
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

/** A copy of options that may be reactive, to compare the next change with. */
const snapshot = (options) => JSON.parse(JSON.stringify(options ?? {}));

function elementComponent(name, type) {
  return defineComponent({
    name,
    props: { options: { type: Object, default: undefined } },
    emits: EVENTS.map(([, handler]) => handler[0].toLowerCase() + handler.slice(1)),
    setup(props, { emit, expose }) {
      const { elements } = injected(`<${name}>`);
      const box = shallowRef(null);
      const hold = shallowRef(null);
      let shown = null;
      const show = () => {
        shown?.element.destroy();
        shown = null;
        if (!elements.value || !box.value) return;
        const element = elements.value.create(type, props.options);
        shown = { element, options: snapshot(props.options) };
        for (const [event, handler] of EVENTS) {
          element.on(event, (e) => emit(handler[0].toLowerCase() + handler.slice(1), event === 'ready' ? element : e));
        }
        hold.value.hidden = true;
        element.mount(box.value);
      };
      onMounted(() => {
        show();
        watch(elements, show);
        watch(() => !!props.options?.cardholderName, show);
        watch(() => props.options, (options) => {
          const change = shown && optionsUpdate(shown.options, options);
          if (!change) return;
          shown.element.update(change);
          shown.options = snapshot(options);
        }, { deep: true });
      });
      onBeforeUnmount(() => {
        shown?.element.destroy();
        shown = null;
      });
      expose({ element: () => shown?.element ?? null });
      return () => {
        const p = placeholder(type, props.options);
        return h('div', { ref: box }, [h('div', { ref: hold, class: p.className, 'aria-hidden': 'true' }, [h('div', { style: { height: p.height } })])]);
      };
    },
  });
}

const components = COMPONENTS.map(([name, type]) => elementComponent(name, type));
export const [CardElement, CardNumberElement, CardExpiryElement, CardCvcElement, CardholderNameElement] = components;

/** `app.use(PayjpPlugin)`: registers <Elements> and the element components by name. */
export const PayjpPlugin = {
  install(app) {
    app.component('Elements', Elements);
    COMPONENTS.forEach(([name], i) => app.component(name, components[i]));
  },
};
