/** The feed benchmark on a report shaped as Shadowserver sends it (see feed.ts). */
await import(new URL('./feed.js?shape=shadowserver', import.meta.url).href);
