// payjp-wasm/vue's types, written by hand; tests/frameworks/types checks them with tsc --strict.
import type { DefineComponent, Plugin, PropType, ShallowRef } from 'vue';
import type {
  Elements as ElementsGroup, ElementChangeEvent, ElementEvent, ElementLoadErrorEvent, ElementOptions,
  ElementsOptions, PayjpElement, PayjpInstance,
} from './index.js';

/** A Payjp instance, a promise of one, a function that makes one (called once, on the client), or null. */
export type PayjpSource = PayjpInstance | Promise<PayjpInstance | null> | (() => PayjpInstance | null | Promise<PayjpInstance | null>) | null;

export const Elements: DefineComponent<{
  payjp: { type: PropType<PayjpSource>; default: null };
  /** Those of `payjp.elements()`; a later `locale` updates every element. */
  options: { type: PropType<ElementsOptions>; default: undefined };
}>;

/** The events an element component emits (`@change`, `@ready`, `@focus`, `@blur`, `@load-error`). */
export type ElementEmits = {
  change: (event: ElementChangeEvent) => true;
  /** With the element: focus it, or pass it to `createToken`. */
  ready: (element: PayjpElement) => true;
  focus: (event: ElementEvent) => true;
  blur: (event: ElementEvent) => true;
  /** Isolated mode: the frame did not load, or something else took it over. */
  loadError: (event: ElementLoadErrorEvent) => true;
};
type ElementComponent<O> = DefineComponent<{ options: { type: PropType<O>; default: undefined } }, { element: () => PayjpElement | null }, {}, {}, {}, {}, {}, ElementEmits>;
/** A one-field element's options: no `cardholderName`, and one placeholder string. */
export type SplitElementOptions = Omit<ElementOptions, 'cardholderName' | 'placeholder'> & { placeholder?: string };

/** The combined element; `options.cardholderName` adds the name input (a change makes it anew). */
export const CardElement: ElementComponent<ElementOptions>;
export const CardNumberElement: ElementComponent<SplitElementOptions>;
export const CardExpiryElement: ElementComponent<SplitElementOptions>;
export const CardCvcElement: ElementComponent<SplitElementOptions>;
export const CardholderNameElement: ElementComponent<SplitElementOptions>;

/** `app.use(PayjpPlugin)`: registers <PayjpElements> and the element components by name. */
export const PayjpPlugin: Plugin;

/** The provider's Payjp instance: null until it has one. Throws outside `<Elements>`. */
export function usePayjp(): Readonly<ShallowRef<PayjpInstance | null>>;
/** The provider's elements() group: null until ready. Throws outside `<Elements>`. */
export function useElements(): Readonly<ShallowRef<ElementsGroup | null>>;
