// Renderers for `check`: text for people, JSON for programs, Markdown for bug reports.
export { exitCodeFor, type Status, statusOf } from './exit-code.js';
export { checkJson, renderCheckJson } from './json.js';
export { renderCheckMarkdown } from './markdown.js';
export { renderCheckText, type TextOptions } from './text.js';
export { interpreterLine, verdict } from './verdict.js';
