// Before anything else: this page's browser has no constructable stylesheets, as Safari before
// 16.4 had none.
delete Document.prototype.adoptedStyleSheets;
delete ShadowRoot.prototype.adoptedStyleSheets;
