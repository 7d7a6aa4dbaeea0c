/**
 * The provider check the server runs on itself: its own files, asked of itself at their public
 * addresses (no network, no TLS; TLS is judged by the addresses' scheme, since the proxy in front
 * of Vakt does it), the newest ten documents read. A publication runs it twice — on the provider
 * as it is, and as it will be — and is refused when it would add a failure.
 */
import { checkProvider } from './check-provider.js';
import { providerBaseOf } from './provider-layout.js';
import type { App } from '../http/context.js';

export interface SelfCheck {
  passed: boolean;
  failed: Array<{ rule: number; title: string; messages: string[] }>;
}

export async function selfCheck(app: App, publicUrl: string): Promise<SelfCheck> {
  const origin = new URL(publicUrl).origin;
  const report = await checkProvider(`${providerBaseOf(publicUrl)}/provider-metadata.json`, {
    allowPrivate: false,
    maxDocuments: 10,
    get: async (url) => {
      if (!url.startsWith(`${origin}/`)) return { url, status: 0, location: null, body: Buffer.from('not this server') };
      const answer = await app.inject({ url: url.slice(origin.length) });
      return { url, status: answer.statusCode, location: String(answer.headers.location ?? '') || null, body: answer.rawPayload };
    },
  });
  return {
    passed: report.passed,
    failed: report.rules.filter((r) => r.status === 'fail').map(({ rule, title, messages }) => ({ rule, title, messages })),
  };
}

/** Rules about how the provider is reached, not what it serves: the deployment's, whatever is published. */
const DEPLOYMENT_RULES = new Set([3, 6]);

/**
 * What publishing the document at PATH would break: a rule that passed before and fails after, or
 * a failure that names the new document under a rule about what is served.
 */
export function failuresAdded(before: SelfCheck, after: SelfCheck, path: string): SelfCheck['failed'] {
  const failedBefore = new Set(before.failed.map((f) => f.rule));
  return after.failed.flatMap((f) => {
    if (!failedBefore.has(f.rule)) return [f];
    if (DEPLOYMENT_RULES.has(f.rule)) return [];
    const messages = f.messages.filter((m) => m.includes(`/${path}`));
    return messages.length > 0 ? [{ ...f, messages }] : [];
  });
}
