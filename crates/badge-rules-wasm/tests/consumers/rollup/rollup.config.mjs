// The README's Rollup config: node-resolve finds the package (its browser
// entry), import-meta-assets copies the .wasm that badge_rules.js names with
// new URL(..., import.meta.url).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
