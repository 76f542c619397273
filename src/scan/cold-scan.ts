// What a scan without a valid cache needs beyond the warm path, loaded as one bundle
// (dist/cli/scan-cold.cjs): one file to read and one compiled-code cache to use, not two.
export { createContext } from './context.js';
export { scan } from './scanner.js';
