/** Types of scripts/catalog.js (writes src/resources/catalog.json). */
export const FILE: string;
/** The catalog's text as the resource modules say it (loads every module). */
export const expectedCatalog: () => string;
