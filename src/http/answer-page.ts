/**
 * The small public pages a constituent reaches from a link in a mail (a notification's feedback,
 * an advisory's answer): plain HTML, no script, nothing loaded from elsewhere.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';

/** The link's token, its only key: in the path of both pages. */
export const AnswerToken = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) });

/** Lets a plugin's routes take the pages' forms: url-encoded text, small, as an object. */
export function acceptAnswerForms(app: Pick<FastifyInstance, 'addContentTypeParser'>): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
}

export function answerPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}button{margin:.25rem .5rem .25rem 0;padding:.5rem 1rem}textarea{width:100%;min-height:5rem}</style></head><body>${body}</body></html>`;
}

export const THANKS = '<h1>Thank you</h1><p>Your answer has been recorded. / Tack, ditt svar är registrerat.</p>';

/** Sends PAGE with a policy that allows its inline style and, when it has a form, posting to itself. */
export function sendAnswerPage(reply: FastifyReply, page: string, form: boolean): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'${form ? "; form-action 'self'" : ''}`)
    .send(page);
}
