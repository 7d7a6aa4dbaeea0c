/**
 * The page an organisation answers an advisory on, from the link in its mail: affected, not
 * affected, patched, need help, or useful, with a comment. The link's token is its only key;
 * a GET shows the question and records nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AnswerToken, THANKS, acceptAnswerForms, answerPage, sendAnswerPage } from '../http/answer-page.js';
import { escapeHtml } from '../profile/rfc2350.js';
import { ANSWERS, answerAdvisory, answerTarget, type Answer } from './notify.js';

const LABELS: Record<Answer, string> = {
  affected: 'We are affected / Vi är berörda',
  'not-affected': 'Not affected / Inte berörda',
  patched: 'Patched / Åtgärdat',
  'need-help': 'We need help / Vi behöver hjälp',
  useful: 'Useful / Användbart',
};

export const answerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  acceptAnswerForms(app);

  app.get(
    '/advisory-feedback/:token',
    { config: { public: true }, schema: { hide: true, params: AnswerToken } },
    async (request, reply) => {
      const target = await answerTarget(db, request.params.token);
      const buttons = ANSWERS.map((v) => `<button name="verdict" value="${v}">${LABELS[v]}</button>`).join('');
      return sendAnswerPage(
        reply,
        answerPage(
          'Advisory',
          `<h1>${escapeHtml(target.trackingId)}: ${escapeHtml(target.title)}</h1><p>${escapeHtml(target.organisation)} · version ${escapeHtml(target.version)}</p>
<p>How does this advisory concern you? / Hur berör meddelandet er?</p>
<form method="post"><p><label>Comment (optional) / Kommentar (frivillig)<br><textarea name="comment" maxlength="4000"></textarea></label></p><p>${buttons}</p></form>`,
        ),
        true,
      );
    },
  );

  app.post(
    '/advisory-feedback/:token',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        hide: true,
        params: AnswerToken,
        body: Type.Object({ verdict: Type.String({ maxLength: 40 }), comment: Type.Optional(Type.String({ maxLength: 4000 })) }),
      },
    },
    async (request, reply) => {
      await answerAdvisory(db, request.params.token, request.body.verdict, request.body.comment ?? '');
      return sendAnswerPage(reply, answerPage('Advisory', THANKS), false);
    },
  );
};
