/**
 * Jamf-like text ordering (case- and accent-insensitive, English rules). One collator shared by
 * sort and RSQL: `localeCompare` with options builds a collator per call, which dominated list
 * requests over large inventories.
 */
export const compareText: (left: string, right: string) => number = new Intl.Collator('en', {
  sensitivity: 'base',
}).compare;
