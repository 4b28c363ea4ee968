// Vite 7 builds the form into dist/. The package is an ordinary dependency
// (file:../crates/badge-rules-wasm/pkg); its .wasm is referenced with
// new URL(..., import.meta.url), which Vite emits as an asset.
import { defineConfig } from 'vite';

// Nothing is fetched from anywhere but the page's own origin; WebAssembly may
// be compiled. Only in the build: the dev server injects inline scripts.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  }],
});
