// The README's webpack config: webpack 5 emits the .wasm that
// new URL(..., import.meta.url) names as an asset of its own; nothing to add.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './main.js',
  output: { path: fileURLToPath(new URL('./dist', import.meta.url)), filename: 'main.js' },
};
