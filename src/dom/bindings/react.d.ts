// payjp-wasm/react's types, written by hand; tests/frameworks/types checks them with tsc --strict.
import type { ReactNode, ReactElement } from 'react';
import type {
  Elements as ElementsGroup, ElementChangeEvent, ElementEvent, ElementLoadErrorEvent, ElementOptions,
  ElementsOptions, PayjpElement, PayjpInstance,
} from './index.js';

/** A Payjp instance, a promise of one, a function that makes one (called once, on the client), or null. */
export type PayjpSource = PayjpInstance | Promise<PayjpInstance | null> | (() => PayjpInstance | null | Promise<PayjpInstance | null>) | null;

export interface ElementsProps {
  payjp: PayjpSource;
  /** Those of `payjp.elements()`; a later `locale` updates every element. */
  options?: ElementsOptions;
  children?: ReactNode;
}
export function Elements(props: ElementsProps): ReactElement;

/** A one-field element's options: no `cardholderName`, and one placeholder string. */
export type SplitElementOptions = Omit<ElementOptions, 'cardholderName' | 'placeholder'> & { placeholder?: string };

export interface ElementProps<O extends ElementOptions = SplitElementOptions> {
  /** The container's id: a `<label for>` it names the element. */
  id?: string;
  /** The container's class. */
  className?: string;
  /** The element's options; a change calls `update()` in place (of `cardholderName`, makes it
   * anew). One taken away goes back to its default, except `placeholder` and `label`. */
  options?: O;
  onChange?: (event: ElementChangeEvent) => void;
  /** With the element: focus it, or pass it to `createToken`. */
  onReady?: (element: PayjpElement) => void;
  onFocus?: (event: ElementEvent) => void;
  onBlur?: (event: ElementEvent) => void;
  /** Isolated mode: the frame did not load, or something else took it over. */
  onLoadError?: (event: ElementLoadErrorEvent) => void;
}

/** The combined element; `options.cardholderName` adds the name input (a change makes it anew). */
export function CardElement(props: ElementProps<ElementOptions>): ReactElement;
export function CardNumberElement(props: ElementProps): ReactElement;
export function CardExpiryElement(props: ElementProps): ReactElement;
export function CardCvcElement(props: ElementProps): ReactElement;
export function CardholderNameElement(props: ElementProps): ReactElement;

/** The provider's Payjp instance, or null until it has one. Throws outside `<Elements>`. */
export function usePayjp(): PayjpInstance | null;
/** The provider's elements() group, or null until ready. Throws outside `<Elements>`. */
export function useElements(): ElementsGroup | null;
