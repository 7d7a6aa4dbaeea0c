/** What the notification routes answer, so the web client's types are generated from the OpenAPI document. */
import { Type } from 'typebox';
import { Nullable } from '../core/validate.js';

export const NotificationPageSchema = Type.Object({
  notifications: Type.Array(
    Type.Object({
      id: Type.String(),
      organisation: Type.String(),
      organisationId: Type.String(),
      feed: Type.String(),
      periodStart: Type.String(),
      periodEnd: Type.String(),
      events: Type.Number(),
      tlp: Type.String(),
      status: Type.String(),
      state: Type.String(),
      reason: Nullable(Type.String()),
      recipients: Type.Array(Type.String()),
      delivery: Type.Array(
        Type.Object({ to: Type.String(), status: Type.String(), error: Nullable(Type.String()), encrypted: Type.Boolean() }),
      ),
      feedback: Type.Array(Type.Object({ verdict: Type.String(), comment: Type.String(), at: Type.String() })),
      createdAt: Type.String(),
    }),
  ),
  next: Type.Optional(Type.String({ description: 'give it as before= for the next, older page; absent on the last one' })),
});

export const NotificationPreviewsSchema = Type.Object({
  notifications: Type.Array(
    Type.Object({
      id: Type.String(),
      organisationId: Type.String(),
      organisation: Type.String(),
      feed: Type.String(),
      periodStart: Type.String(),
      periodEnd: Type.String(),
      events: Type.Number(),
      tlp: Type.String(),
      status: Type.Union([Type.Literal('queued'), Type.Literal('withheld')]),
      reason: Type.Optional(Type.String()),
      mails: Type.Array(
        Type.Object({
          to: Type.String(),
          language: Type.String(),
          subject: Type.String(),
          body: Type.String(),
          encrypted: Type.Boolean(),
          status: Type.String(),
        }),
      ),
      attachmentRows: Type.Number(),
    }),
  ),
});

const Figures = Type.Object({
  key: Type.String(),
  name: Type.String(),
  notifications: Type.Number(),
  events: Type.Number(),
  useful: Type.Number(),
  notUseful: Type.Number(),
  falsePositive: Type.Number(),
  comments: Type.Number(),
});
export const FeedbackFiguresSchema = Type.Object({ byFeed: Type.Array(Figures), byOrganisation: Type.Array(Figures) });
