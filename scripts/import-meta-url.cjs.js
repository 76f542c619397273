// Injected into the CommonJS bundles in place of `import.meta` (see build.mjs). The URL is made
// only when asked for: building it costs ~0.5 ms, and most runs never need it.
export const importMeta = {
  get url() {
    return require('node:url').pathToFileURL(__filename).href;
  },
};
