import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { renderPdf } from '../../test/helpers/pdf.js';
import { detachSign, makeKey } from '../../test/helpers/pgp.js';

const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url).pathname;

describe('vakt directory', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: Server;
  let base: string;
  const vakt = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-directory-'));
    env = { VAKT_DATA_DIR: join(dir, 'data') };
    // A peer's web server on loopback, publishing its RFC 2350 document as text and as a PDF.
    server = createServer((request, response) => {
      if (request.url === '/rfc2350.txt')
        response
          .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          .end(readFileSync(fixture('rfc2350/rfc2350-truesec-csirt.txt')));
      else if (request.url === '/rfc2350.pdf')
        response.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from('%PDF-1.5\n%\u00e2\u00e3\n1 0 obj'));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows what it read from an RFC 2350 file and writes nothing without --yes', async () => {
    const r = await vakt('directory', 'import-rfc2350', fixture('rfc2350/rfc2350-cert-stockholm.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Read CERT Stockholm \(SE\) from /);
    expect(r.stdout).toMatch(/email\s+cert@stockholm\.se\s+\(from 2\.5 Electronic mail address\)/);
    expect(r.stdout).toMatch(/Not found or not understood:\n\s+description\.distributionList/);
    expect(r.stderr).toBe('vakt: nothing written; re-run with --yes to import\n');
    expect((await vakt('directory', 'list')).stdout).toBe('0 team(s)\n');
  });

  it('imports from a file and from a URL with --yes, then updates rather than duplicates', async () => {
    const file = await vakt(
      'directory',
      'import-rfc2350',
      fixture('rfc2350/rfc2350-cert-stockholm.txt'),
      '--yes',
      '--sector',
      'government=yes:City of Stockholm',
      '--short-name',
      'CERT-STHLM',
    );
    expect(file.code).toBe(0);
    expect(file.stdout).toMatch(/CERT Stockholm \(SE\): created/);
    const url = await vakt('directory', 'import-rfc2350', `${base}/rfc2350.txt`, '--yes');
    expect(url.stdout).toMatch(/Truesec CSIRT \(SE\): created/);
    const again = await vakt('directory', 'import-rfc2350', `${base}/rfc2350.txt`, '--yes');
    expect(again.stdout).toMatch(/Truesec CSIRT \(SE\): unchanged/);
    // The same document as the PDF a team publishes: read to the same record.
    const pdf = join(dir, 'truesec.pdf');
    writeFileSync(pdf, await renderPdf(readFileSync(fixture('rfc2350/rfc2350-truesec-csirt.txt'), 'utf8'), 'Truesec CSIRT RFC 2350'));
    // Published with a detached signature beside it (truesec.pdf.asc), which is found and checked.
    writeFileSync(`${pdf}.asc`, await detachSign(readFileSync(pdf), await makeKey('Truesec CSIRT', 'csirt@truesec.example')));
    const signed = await vakt('directory', 'import-rfc2350', pdf, '--yes');
    expect(signed.stdout).toMatch(/Truesec CSIRT \(SE\): (unchanged|updated)/);
    expect(signed.stdout).toMatch(/Signature: unknown-key — signed with key [0-9A-F]{16}/);
    const list = await vakt('directory', 'list', '--country', 'SE');
    expect(list.stdout).toMatch(
      /SE {2}CERT Stockholm \(CERT-STHLM\) {2}governmental\n.*SE {2}Truesec CSIRT {2}commercial {2}TI certified\n2 team\(s\)\n$/,
    );
    const show = JSON.parse((await vakt('directory', 'show', 'CERT-STHLM')).stdout) as { team: { sectors: unknown } };
    expect(show.team.sectors).toEqual([{ sector: 'government', coverage: 'yes', note: 'City of Stockholm' }]);
  });

  it('refuses a PDF, a missing file and a page that is not there with exit 1 and one line', async () => {
    for (const args of [[`${base}/rfc2350.pdf`], [join(dir, 'nope.txt')], [`${base}/missing`]]) {
      const r = await vakt('directory', 'import-rfc2350', ...(args as [string]), '--yes');
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await vakt('directory', 'import-rfc2350', `${base}/rfc2350.pdf`)).stderr).toMatch(/the PDF could not be read/);
    expect((await vakt('directory', 'import-rfc2350', `${base}/rfc2350.txt`, '--country', 'XX')).stderr).toMatch(
      /--country: "XX" is not an ISO 3166-1/,
    );
  });

  it('exports and imports directory files, reporting a bad record by position and writing nothing', async () => {
    const exported = await vakt('directory', 'export', '--output', join(dir, 'dir.json'));
    expect(exported.code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'dir.json'), 'utf8')) as { teams: Array<Record<string, unknown>> };
    expect(file.teams).toHaveLength(2);
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ ...file, teams: [...file.teams, { ...file.teams[0], name: 'Other', country: 'XX' }] }),
    );
    const bad = await vakt('directory', 'import', join(dir, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json: teams\[2\] \(Other\): country: "XX" is not an ISO 3166-1 alpha-2 country code/);
    writeFileSync(
      join(dir, 'more.json'),
      JSON.stringify({ ...file, teams: [...file.teams, { ...file.teams[0], name: 'Other CERT', country: 'FI' }] }),
    );
    const dry = await vakt('directory', 'import', join(dir, 'more.json'), '--dry-run');
    expect(dry.stdout).toMatch(/Other CERT \(FI\): would be created\n1 created, 0 updated, 2 unchanged \(dry run: nothing written\)/);
    expect((await vakt('directory', 'list')).stdout).toMatch(/2 team\(s\)/);
  });

  it('prints the matrix, takes and compares snapshots and answers the questions', async () => {
    const csv = await vakt('directory', 'matrix', '--format', 'csv', '--countries', 'NO');
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'country,country_name,government,government_text,commercial,commercial_text,sme,sme_text,research-education,research-education_text,citizens,citizens_text,critical-infrastructure,critical-infrastructure_text,all-other,all-other_text',
    );
    expect(csv.stdout).toMatch(/\r\nSE,Sweden,yes,Yes \(CERT-STHLM: City of Stockholm\),partly,/);
    const snap = await vakt('directory', 'snapshot', 'create', 'Sweden 2026');
    expect(snap.stdout).toMatch(/snapshot [0-9a-f-]{36} "Sweden 2026" taken \d{4}-\d{2}-\d{2}: 1 countries, 2 teams/);
    const list = await vakt('directory', 'snapshot', 'list');
    const appendix = /^(\S+) {2}2005-12-31 {2}dataset\s+ENISA 2005 Appendix A$/m.exec(list.stdout)?.[1];
    const compare = await vakt('directory', 'snapshot', 'compare', appendix as string, 'live');
    expect(compare.stdout).toMatch(/Sweden \/ Commercial: Partly \(Telia\) → Partly \(Truesec CSIRT: /);
    expect(compare.stdout).toMatch(/Teams appeared: CERT Stockholm \(SE\), Truesec CSIRT \(SE\)/);
    expect((await vakt('directory', 'ask', 'national-poc', 'SE')).stdout).toMatch(
      /^Is there a national point of contact for Sweden\?\nNo:/,
    );
    expect((await vakt('directory', 'ask', 'accredited', 'commercial')).stdout).toMatch(/Truesec CSIRT \(SE, certified\)/);
    expect((await vakt('directory', 'ask', 'accredited', 'banks')).code).toBe(2);
  });
});
