// payjp-wasm's public types, written by hand (wasm-bindgen's generated declarations describe
// the internal glue and are not shipped). tests/types checks them with tsc --strict.

/**
 * Loads the WebAssembly core into this page once, for the standalone validators and direct mode
 * (isolated elements do not need it); calling again after a failed load retries.
 */
export default function init(input?: { module_or_path?: string | URL | Request | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;

/** Message language: Japanese (default) or English. Other tags fall back to Japanese. */
export type Lang = 'ja' | 'en';
/** A PAY.JP card brand, or 'unknown' (including brands PAY.JP does not accept). */
/** The brands the SDK knows, as inputs take them. */
export type KnownCardBrand = 'Visa' | 'MasterCard' | 'JCB' | 'American Express' | 'Diners Club' | 'Discover' | 'unknown';
/** A brand as results report it: unknown future brands still type-check (`string & {}` keeps the completions). */
export type CardBrand = KnownCardBrand | (string & {});
export type ValidationErrorCode =
  | 'incomplete_number' | 'invalid_number' | 'unacceptable_brand'
  | 'invalid_expiry_month' | 'invalid_expiry_year' | 'invalid_expiry_month_past'
  | 'invalid_expiry_year_past' | 'incomplete_expiry' | 'invalid_cvc' | 'incomplete_cvc'
  | 'invalid_card_name' | 'invalid_email' | 'invalid_phone' | 'three_d_secure_contact_required' | (string & {});
/** PAY.JP's error codes and the SDK's own; unknown future codes pass through as strings. */
export type ApiErrorCode =
  | 'card_declined' | 'expired_card' | 'invalid_cvc' | 'processing_error' | 'unacceptable_brand'
  | 'invalid_number' | 'invalid_expiry_month' | 'invalid_expiry_year' | 'invalid_expiration_date'
  | 'invalid_card_name' | 'invalid_email' | 'incorrect_card_data' | 'card_flagged' | 'test_card_on_livemode'
  | 'over_capacity' | 'invalid_id' | 'token_already_used' | 'network_error' | 'timeout' | 'invalid_response'
  | 'three_d_secure_aborted' | 'three_d_secure_failed' | 'three_d_secure_timeout' | 'three_d_secure_incompleted'
  | 'three_d_secure_unexpected_return' | 'three_d_secure_unavailable' | 'unverified_token'
  | 'frame_load_failed' | 'frame_tampered' | 'frame_connection_lost' | 'frame_origin_missing'
  | 'three_d_secure_contact_required' | (string & {});
export interface ValidationError { code: ValidationErrorCode; message: string; }
export interface FieldValidation {
  value: string;
  isValid: boolean;
  /** True while more typing could still make the input valid. */
  isPotentiallyValid: boolean;
  /** Null whenever the input is unfinished but potentially valid. */
  error: ValidationError | null;
}
export interface CardNumberValidation extends FieldValidation {
  /** ASCII digits only. */
  value: string;
  /** Grouped for display, e.g. "4242 4242 4242 4242". */
  formatted: string;
  brand: CardBrand;
}
export interface ExpiryValidation {
  month: number | null;
  /** Four digits. */
  year: number | null;
  isValid: boolean;
  isPotentiallyValid: boolean;
  error: ValidationError | null;
}
export interface YearMonth { year: number; month: number; }
export interface FormattedInput { value: string; caret: number; }

export function validateCardNumber(input: string, lang?: Lang): CardNumberValidation;
export function validateExpiry(input: string, lang?: Lang, now?: YearMonth): ExpiryValidation;
export function validateCvc(input: string, brand?: KnownCardBrand, lang?: Lang): FieldValidation;
export function validateHolderName(input: string, lang?: Lang): FieldValidation;
export function validateEmail(input: string, lang?: Lang): FieldValidation;
/** `value` is E.164 when valid: "090-1234-5678" gives "+819012345678". */
export function validatePhone(input: string, lang?: Lang): FieldValidation;
/** Caret offsets count UTF-16 code units, as `selectionStart` does. */
export function formatCardNumber(input: string, caret?: number): FormattedInput;
export function detectBrand(input: string): CardBrand;

interface PayjpCommonOptions {
  /** 'ja' (default), 'en', or a tag such as 'ja-JP'; anything else falls back to 'ja' with a warning. */
  locale?: Lang | (string & {});
  /**
   * Must be https (http only for loopback hosts). Default: in isolated mode, the API the frame
   * page names (PAY.JP's, https://api.pay.jp/v1, for PAY.JP's frames); in direct mode, PAY.JP's.
   */
  apiBase?: string;
  /** Per-request timeout in milliseconds (default 15000). */
  timeout?: number;
  /**
   * Where the 3-D Secure challenge shows: a modal dialog (default), a popup, a full redirect, or
   * `auto`: a redirect in the in-app browsers of LINE, Instagram, Facebook and X, a popup
   * elsewhere, the dialog where popups are blocked.
   */
  threeDSecureWorkflow?: 'iframe' | 'subwindow' | 'redirect' | 'auto';
  /** Milliseconds the buyer has for the challenge (default 600000, 10 minutes). */
  threeDSecureTimeout?: number;
  /**
   * The name of the redirect URL registered for your account that challenges return to
   * (PAY.JP's `back`). Default `payjp-wasm`: the frame origin's tds-return.html.
   */
  threeDSecureRedirect?: string;
}
/** Isolated mode (the default): the card fields are frames of the payment origin. */
export interface PayjpIsolatedOptions extends PayjpCommonOptions {
  /** The payment origin that serves the frame page, e.g. https://js.example.com. */
  frameOrigin: string;
  /** The frame page (default `${frameOrigin}/frame.html`); must be on frameOrigin. */
  frameUrl?: string;
  isolation?: 'frame';
}
/** Direct mode, an explicit opt-in: the card inputs render in this page (after `init()`). */
interface PayjpDirectCommon extends Omit<PayjpCommonOptions, 'threeDSecureWorkflow' | 'threeDSecureRedirect'> {
  isolation: 'none';
  frameOrigin?: string;
  frameUrl?: string;
}
/**
 * Direct mode has no frame origin to come back through: its redirect workflow returns to a page
 * of yours registered under a name, which calls `handleThreeDSecureRedirect()`.
 */
export type PayjpDirectOptions =
  | (PayjpDirectCommon & { threeDSecureWorkflow?: 'iframe' | 'subwindow' | 'auto'; threeDSecureRedirect?: string })
  | (PayjpDirectCommon & { threeDSecureWorkflow: 'redirect'; threeDSecureRedirect: string });
/** A frame origin, or `isolation: 'none'`: a missing option never means direct mode. */
export type PayjpOptions = PayjpIsolatedOptions | PayjpDirectOptions;
/** What openThreeDSecureIframe and openThreeDSecureDialog reject with. */
export interface ThreeDSecureError extends Error {
  code: ApiErrorCode;
  error: PayjpError;
}
export interface PayjpError {
  type: 'card_error' | 'client_error' | 'auth_error' | 'server_error' | 'invalid_request_error'
    | 'network_error' | 'api_error' | (string & {});
  code: ApiErrorCode | null;
  /** The SDK's own message for the buyer, in the chosen locale. */
  message: string;
  status: number | null;
  param: string | null;
  /** PAY.JP's own message, meant for developers. */
  apiMessage: string | null;
}
export interface Availability { card_types_supported: CardBrand[]; livemode: boolean; }
export type ConnectionCheck =
  | { reachable: true; status: number; latencyMs: number }
  | { reachable: false; reason: 'network' | 'blocked' | 'invalid_response' };

/** `cardholderName`: the name on the card, in the secure frame, with a romaji suggestion for a
 * name typed in kana; it goes with its group's card element in createToken. */
export type ElementType = 'card' | 'cardNumber' | 'cardExpiry' | 'cardCvc' | 'cardholderName';
/** CSS properties an element style may set (camelCase); values are plain CSS values. */
export interface StyleDeclarations {
  color?: string; backgroundColor?: string; caretColor?: string; fontFamily?: string;
  fontSize?: string | number; fontStyle?: string; fontVariant?: string; fontWeight?: string | number;
  fontSmoothing?: string; letterSpacing?: string | number; lineHeight?: string | number; textAlign?: string;
  textDecoration?: string; textShadow?: string; textTransform?: string; opacity?: string | number;
  /** The brand icon's colour. */
  iconColor?: string;
}
export interface StyleVariant extends StyleDeclarations {
  ':focus'?: StyleDeclarations;
  ':hover'?: StyleDeclarations;
  '::placeholder'?: StyleDeclarations;
  ':disabled'?: StyleDeclarations;
  ':-webkit-autofill'?: StyleDeclarations;
}
export interface ElementStyle { base?: StyleVariant; complete?: StyleVariant; empty?: StyleVariant; invalid?: StyleVariant; }
export interface ElementOptions {
  style?: ElementStyle;
  /** One string, or per field for the combined 'card' element. */
  placeholder?: string | { number?: string; expiry?: string; cvc?: string; name?: string };
  /** create('card') only: the cardholder's name as a fourth input of the combined element (see
   * the cardholderName element). */
  cardholderName?: boolean;
  disabled?: boolean;
  hideIcon?: boolean;
  /** `false` leaves the error line under the field to the page (payjp.js v2 draws none). Default true. */
  showError?: boolean;
  /** The element's name for assistive technology and its frame's title; by default the text of
   * the page's `<label for>` its container. */
  label?: string;
}
export interface ElementValidationError {
  type: 'validation_error';
  /** payjp.js v2's code: `incomplete_error` for any unfinished field, else the finer one. */
  code: 'incomplete_error' | ValidationErrorCode | (string & {});
  /** The finer code: `incomplete_number`, `incomplete_expiry`, `incomplete_cvc`, … */
  detail: ValidationErrorCode;
  message: string;
}
export interface ElementEvent { elementType: ElementType; }
export interface ElementChangeEvent extends ElementEvent {
  complete: boolean;
  empty: boolean;
  brand: CardBrand;
  error: ElementValidationError | null;
}
export interface ElementLoadErrorEvent extends ElementEvent {
  error: PayjpError & { code: 'frame_load_failed' | 'frame_tampered' | 'frame_origin_missing' };
}
type ElementEventName = 'change' | 'ready' | 'focus' | 'blur' | 'loaderror';
export interface PayjpElement {
  /** A CSS selector or an element. Again in the same place does nothing; elsewhere throws. */
  mount(target: string | HTMLElement): void;
  unmount(): void;
  destroy(): void;
  focus(): void;
  blur(): void;
  clear(): void;
  update(options: ElementOptions): void;
  on(event: 'change', handler: (event: ElementChangeEvent) => void): this;
  on(event: 'ready' | 'focus' | 'blur', handler: (event: ElementEvent) => void): this;
  /** Isolated mode: the frame did not load, or something else took it over. */
  on(event: 'loaderror', handler: (event: ElementLoadErrorEvent) => void): this;
  off(event: ElementEventName, handler?: (...args: never[]) => void): this;
  /** payjp.js v2's names for `on` and `off`. */
  addEventListener(event: 'change', handler: (event: ElementChangeEvent) => void): this;
  addEventListener(event: 'ready' | 'focus' | 'blur', handler: (event: ElementEvent) => void): this;
  addEventListener(event: 'loaderror', handler: (event: ElementLoadErrorEvent) => void): this;
  removeEventListener(event: ElementEventName, handler?: (...args: never[]) => void): this;
}
export interface Elements {
  /** Throws a TypeError on an unknown type, an Error when the group shows that field already. */
  create(type: ElementType, options?: ElementOptions): PayjpElement;
  getElement(type: ElementType): PayjpElement | null;
  /** Every element of the group, now and later, in this language. */
  update(options: { locale?: Lang | (string & {}) }): void;
}
/** A web font the card fields may use: `src` on the frame origin, or a data: URL. */
export interface ElementFont { family: string; src: string; weight?: string; style?: string; display?: string; }
export interface ElementsOptions { locale?: Lang | (string & {}); fonts?: ElementFont[]; }
export interface SecurityBadgeOptions { theme?: 'light' | 'dark'; size?: 'small' | 'large'; locale?: Lang; }
export interface SecurityBadge {
  mount(target: string | HTMLElement): void;
  unmount(): void;
  destroy(): void;
}
/** What PAY.JP takes beside the fields; the card itself comes from the elements. */
export interface CardDetails {
  name?: string; email?: string; phone?: string; country?: string;
  address_state?: string; address_city?: string; address_line1?: string; address_line2?: string; address_zip?: string;
}
/** @deprecated the name before payjp.js v2's `card` fields were all taken: use CardDetails. */
export type CardHolder = CardDetails;
export interface CreateTokenData { card?: CardDetails; three_d_secure?: boolean; tenant?: string; }
/** @deprecated use CreateTokenData. */
export type CreateTokenOptions = CreateTokenData;
/** Where a 3-D Secure sub-window opens, as in payjp.js v2. */
export interface WindowFeatures { width?: number; height?: number; top?: number; left?: number; }
export interface ThreeDSecureOptions { timeout?: number; windowFeatures?: WindowFeatures; }
export interface TokenCard {
  id: string; object: 'card'; brand: CardBrand; last4: string; exp_month: number; exp_year: number;
  name: string | null; email: string | null; phone: string | null; country: string | null;
  address_state: string | null; address_city: string | null; address_line1: string | null; address_line2: string | null; address_zip: string | null;
  fingerprint: string; three_d_secure_status: 'unverified' | 'verified' | 'attempted' | 'failed' | 'aborted' | 'error' | null | (string & {});
}
export interface Token {
  id: string; object: 'token'; livemode: boolean; used: boolean; created: number; card: TokenCard;
  /** Never set on a token: lets `if (r.error) … else r.id` narrow the result. */
  error?: undefined;
}
/** An expected failure: a decline, a network problem, or a field the buyer must fix. */
/** createToken's refusal of what was typed: the first problem, and every problem of the submit
 * (this one first) in `errors`, each with PAY.JP's parameter name (`card[number]`,
 * `card[exp_month]`, `card[exp_year]`, `card[cvc]`, `card[name]`, `card[email]`, `card[phone]`). */
export interface TokenValidationError extends ElementValidationError {
  param: string;
  errors: Array<ElementValidationError & { param: string }>;
}
export type CreateTokenError = PayjpError | TokenValidationError;
/** The token, or `{ error }`: narrow with `if (r.error)`, `'error' in r`, or a switch. */
export type TokenResult = Token | { error: CreateTokenError; id?: undefined };
export type AvailabilityResult = (Availability & { error?: undefined }) | { error: PayjpError };
export interface PayjpInstance {
  /** The public key this instance was made with. */
  getPublicKey(): string;
  retrieveAvailability(options?: { tenant?: string }): Promise<AvailabilityResult>;
  checkConnection(): Promise<ConnectionCheck>;
  /**
   * The address with its domain corrected when the domain is a slip of a mail domain most
   * Japanese buyers use (`taro@docomo.ne.jo` → `taro@docomo.ne.jp`; `gmial.com`, `ezweb.jp`),
   * else null: for a "did you mean" under the page's own e-mail input. Never rejects but on misuse.
   */
  suggestEmail(address: string): Promise<string | null>;
  elements(options?: ElementsOptions): Elements;
  /**
   * Resolves with the token or `{ error }`; rejects only on misuse (e.g. an unmounted element).
   * With `three_d_secure: true`, also runs the buyer's challenge and resolves with the finished
   * token (`card.three_d_secure_status` 'verified' or 'attempted'). In the redirect workflow the
   * page leaves and the promise never settles: call `handleThreeDSecureRedirect()` on return.
   */
  createToken(element: PayjpElement, data?: CreateTokenData, options?: ThreeDSecureOptions): Promise<TokenResult>;
  /**
   * On the page the redirect workflow returns to: the finished token (or `{ error }`) when this
   * tab started the challenge; `{ error: { code: 'three_d_secure_unexpected_return' } }` for a
   * return it did not start (nothing is finished); null when the page load is not a return.
   */
  handleThreeDSecureRedirect(): Promise<TokenResult | null>;
  /**
   * Charge-level (`ch_…`) or saved-card (`tdsr_…`) 3-D Secure in a dialog over the page. Resolves
   * once the issuer is done (the server then finishes it); rejects with a `ThreeDSecureError`
   * when the buyer cancels or time runs out.
   */
  openThreeDSecureIframe(id: string): Promise<void>;
  /** The same in a sub-window; call it in the buyer's click. A blocked popup falls back to the dialog. */
  openThreeDSecureDialog(id: string, options?: number | ThreeDSecureOptions): Promise<void>;
  securityBadge(options?: SecurityBadgeOptions): SecurityBadge;
}
/**
 * Throws on a secret key, a malformed key, a non-https apiBase, a missing or non-https
 * frameOrigin, or direct mode before `init()` resolved.
 */
export function Payjp(publicKey: string, options: PayjpOptions): PayjpInstance;
