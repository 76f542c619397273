// Injected into the CommonJS bundles in place of `import.meta.url` (see build.mjs).
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
