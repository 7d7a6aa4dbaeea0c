/** A timestamp as the API writes it (ISO 8601, UTC), whichever form the database driver gave; null stays null. */
export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
