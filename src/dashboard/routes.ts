/** GET /api/dashboard: the team's home page figures. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principal, requirePermission } from '../http/authentication.js';
import { dashboard, DashboardSchema } from './dashboard.js';

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/dashboard',
    {
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['incidents'],
        summary:
          "The team's home page: open incidents, SLA clocks run out or about to, triage queue, my tasks, feeds, notifications, recent activity",
        response: { 200: DashboardSchema },
      },
    },
    async (request) => dashboard(app.vakt.database.db, principal(request).userId),
  );
};
