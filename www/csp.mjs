// The form's Content-Security-Policy, one list for both places that send it:
// the <meta> Vite writes into the built index.html (vite.config.mjs) and the
// header serve.mjs sends with every answer. Nothing is fetched from anywhere
// but the page's own origin; WebAssembly may be compiled ('wasm-unsafe-eval',
// not 'unsafe-eval'); no inline script or style, no plugin, no <base>, no
// form posted anywhere.
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy of the <meta> element (frame-ancestors is ignored there, with a console error). */
export const META_CSP = CSP_DIRECTIVES.join('; ');

/** The policy of the HTTP header: the same, and no page may frame the form. */
export const HEADER_CSP = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
