// The README's Vite config: the build needs nothing; the dev server must not
// pre-bundle the package, whose .wasm sits next to its badge_rules.js.
import { defineConfig } from 'vite';

export default defineConfig({
  optimizeDeps: { exclude: ['badge-rules'] },
});
