// Vite 7 builds the form into dist/. The package is an ordinary dependency
// (file:../crates/badge-rules-wasm/pkg); its .wasm is referenced with
// new URL(..., import.meta.url), which Vite emits as an asset.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { META_CSP } from './csp.mjs';
import { precompress } from './precompress.mjs';

/** The .wasm of badge-rules/plan, by the name wasm-bindgen gives it. */
export const isPlanModule = (name) => /(^|\/)badge_rules_plan_bg[-.]/.test(name);

/** The build's output directory, once Vite has resolved its config. */
let builtInto = 'dist';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  optimizeDeps: { exclude: ['badge-rules'] },
  // The file: dependency is a symlink; the dev server may read its real files.
  server: { host: '127.0.0.1', port: 5173, fs: { allow: ['.', '../crates/badge-rules-wasm/pkg'] } },
  plugins: [{
    // FILE.br (brotli 11) and FILE.gz (gzip 9) beside every compressible
    // file of dist/, once the build (public/ included) is written:
    // precompress.mjs, served by serve.mjs and by static hosts.
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      builtInto = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      handler() {
        precompress(builtInto);
      },
    },
  }, {
    // The page's policy (csp.mjs), only in the build: the dev server injects
    // inline scripts. serve.mjs sends it as a header too.
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' }],
  }, {
    // The engine's .wasm is fetched by the package's init(), only once the
    // JavaScript ran; a preload starts it with the HTML. `crossorigin` makes
    // it a CORS fetch with same-origin credentials, as init()'s fetch is, so
    // the browser reuses it. The planner's module (badge-rules/plan) is not
    // preloaded: the Plan tab loads it when it is first shown.
    name: 'preload-wasm',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Put before the module script (after the CSP, which must come first).
      handler: (html, ctx) => {
        const links = Object.values(ctx.bundle ?? {})
          .filter((file) => file.type === 'asset' && file.fileName.endsWith('.wasm') && !isPlanModule(file.fileName))
          .map((file) => `<link rel="preload" as="fetch" type="application/wasm" crossorigin href="./${file.fileName}">\n  `)
          .join('');
        return html.replace('<script type="module"', `${links}<script type="module"`);
      },
    },
  }],
});
