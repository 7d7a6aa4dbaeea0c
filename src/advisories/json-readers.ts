/** Readers of a CSAF document's JSON that take what is there and pass over what is not: documents from outside may be anything. */
export const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
