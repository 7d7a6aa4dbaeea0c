/**
 * The TLP leaks found by trying Vakt as an outsider would, one test each (the leak matrix covers
 * them again across every label and recipient).
 */
import { beforeAll, expect, it } from 'vitest';
import { createOrganisation } from '../../src/constituency/organisations.js';
import { useApp, type Client } from '../helpers/app.js';
import { describeEachEngine } from '../helpers/database.js';

describeEachEngine('TLP findings', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let teamOrg: string;
  let lowOrg: string;

  beforeAll(async () => {
    analyst = await loginAs('analyst');
    teamOrg = (
      await get()
        .db.insertInto('organisations')
        .values({ name: 'The team', kind: 'team', parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    lowOrg = (await createOrganisation(get().db, 'system:test', { name: 'Green-cleared supplier', tlpClearance: 'GREEN' })).id;
  });

  const post = async (url: string, payload: object) => analyst.request({ method: 'POST', url, payload });

  it("takes a participant's organisation from their account, never from the request", async () => {
    const incident = (await post('/api/incidents', { title: 'Insider case', tlp: 'AMBER+STRICT' })).json<{ id: string }>().id;
    const task = (await post(`/api/incidents/${incident}/tasks`, { title: 'Interview the suspect' })).json<{ id: string }>().id;
    const outsider = await loginAs('constituent', lowOrg);
    const userId = (await get().db.selectFrom('users').select('id').where('email', '=', outsider.email).executeTakeFirstOrThrow()).id;
    // Naming the team's own organisation would have made the outsider "same organisation".
    const claimed = await post(`/api/incidents/${incident}/participants`, { userId, role: 'third-party', organisationId: teamOrg });
    expect(claimed.statusCode).toBe(400);
    const participant = (await post(`/api/incidents/${incident}/participants`, { userId, role: 'third-party' })).json<{ id: string }>().id;
    const stored = await get()
      .db.selectFrom('incident_participants')
      .select('organisation_id')
      .where('id', '=', participant)
      .executeTakeFirstOrThrow();
    expect(stored.organisation_id).toBe(lowOrg);
    expect((await post(`/api/incidents/${incident}/shares`, { kind: 'task', itemId: task, participantId: participant })).statusCode).toBe(
      403,
    );
    const seen = await outsider.request({ url: `/api/incidents/${incident}` });
    expect(seen.body).not.toContain('Interview the suspect');
    expect(seen.json<{ incident: { title: string } }>().incident.title).toBe(`Incident #${incident} (title withheld: TLP:AMBER+STRICT)`);
    // AMBER mail to a third party is refused, whatever organisation anyone names.
    const mail = await post(`/api/incidents/${incident}/mail`, { participantIds: [participant], subject: 'x', text: 'y', tlp: 'AMBER' });
    expect(mail.statusCode).toBe(403);
    expect(mail.json<{ detail: string }>().detail).toMatch(/TLP:AMBER is limited to the organisation and its clients/);
  });

  it("holds an organisation's clearance for incident shares", async () => {
    const incident = (await post('/api/incidents', { title: 'Supplier breach', tlp: 'AMBER' })).json<{ id: string }>().id;
    const amber = (await post(`/api/incidents/${incident}/tasks`, { title: 'Rotate the VPN keys' })).json<{ id: string }>().id;
    const green = (await post(`/api/incidents/${incident}/tasks`, { title: 'Patch the portal', tlp: 'GREEN' })).json<{ id: string }>().id;
    const staff = await loginAs('constituent', lowOrg);
    const userId = (await get().db.selectFrom('users').select('id').where('email', '=', staff.email).executeTakeFirstOrThrow()).id;
    const participant = (await post(`/api/incidents/${incident}/participants`, { userId, role: 'constituent-staff' })).json<{
      id: string;
    }>().id;
    const share = (itemId: string) => post(`/api/incidents/${incident}/shares`, { kind: 'task', itemId, participantId: participant });
    expect((await share(green)).statusCode).toBe(204);
    const refused = await share(amber);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toContain('cleared only up to TLP:GREEN');
    // A share made before the clearance was lowered does not get through either: each read asks again.
    await get()
      .db.insertInto('incident_shares')
      .values({ incident_id: incident, item_kind: 'task', item_id: amber, participant_id: participant })
      .execute();
    const seen = await staff.request({ url: `/api/incidents/${incident}` });
    expect(seen.body).toContain('Patch the portal');
    expect(seen.body).not.toContain('Rotate the VPN keys');
    const search = await staff.request({ url: '/api/search?q=Supplier' });
    expect(search.json()).toEqual({ hits: [], next: null });
  });

  it('answers a search from outside only from what the gate lets them read', async () => {
    const incident = (
      await post('/api/incidents', { title: 'Red matter', description: 'The informant is codenamed ZEBRAFINCH', tlp: 'RED' })
    ).json<{ id: string }>().id;
    const city = (await createOrganisation(get().db, 'system:test', { name: 'City', tlpClearance: 'RED' })).id;
    const staff = await loginAs('constituent', city);
    const userId = (await get().db.selectFrom('users').select('id').where('email', '=', staff.email).executeTakeFirstOrThrow()).id;
    await post(`/api/incidents/${incident}/participants`, { userId, role: 'constituent-staff' });
    const hits = await staff.request({ url: '/api/search?q=ZEBRAFINCH' });
    expect(hits.statusCode).toBe(200);
    expect(hits.body).not.toContain('ZEBRAFINCH');
    expect(hits.json()).toEqual({ hits: [], next: null });
    const refused = await get()
      .db.selectFrom('egress_decisions')
      .select(['channel', 'allowed'])
      .where('item_kind', '=', 'incident')
      .where('item_id', '=', incident)
      .execute();
    expect(refused).toContainEqual({ channel: 'search', allowed: false });

    // The record is the administrators' to read, a page at a time; nobody outside sees it.
    const admin = await loginAs('admin');
    const page = (await admin.request({ url: '/api/egress-decisions?refused=true&channel=search&limit=1' })).json<{
      decisions: Array<{ itemId: string; allowed: boolean; reason: string }>;
      next: string | null;
    }>();
    expect(page.decisions).toEqual([
      expect.objectContaining({ itemId: incident, allowed: false, reason: expect.stringContaining('TLP:RED') }),
    ]);
    expect((await staff.request({ url: '/api/egress-decisions' })).statusCode).toBe(403);
  });
});
