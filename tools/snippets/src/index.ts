export type { ReadSnippetsOptions, SnippetBlock, SnippetReport } from './read-snippets.js';
export { readSnippets } from './read-snippets.js';
export type { SnippetErrorCode } from './snippet-error.js';
export { SnippetError } from './snippet-error.js';
