import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';

const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url).pathname;

describe('vakt constituency, lookup, ripe, feed and notify', () => {
  let dir: string;
  let env: Record<string, string>;
  const vakt = (...args: string[]) => runCli(args, env);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-constituency-'));
    env = { VAKT_DATA_DIR: join(dir, 'data') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Several CLI processes each, every one loading all modules: slow on a loaded machine until the CLI loads lazily (issue 17).
  it('refuses an import with a problem: the report on stdout, one line on stderr, nothing written', { timeout: 180_000 }, async () => {
    const file = join(dir, 'orgs.csv');
    writeFileSync(
      file,
      'name,parent,netblocks,contact_email,contact_language\nCity,,10.0.0.0/8,cert@city.example,sv\nWater,City,10.20.0.1/16,soc@water.example,en\nSchools,City,10.30.0.0/16,it@schools.example,sv\n',
    );
    const refused = await vakt('constituency', 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(`${file}: line 3: netblocks[0]: "10.20.0.1/16" has host bits set; the network is 10.20.0.0/16\n`);
    expect(refused.stderr).toBe(`vakt: ${file}: 1 problem(s), nothing imported (fix them or pass --skip-invalid)\n`);
    expect((await vakt('constituency', 'list')).stdout).toBe('');

    const partial = await vakt('constituency', 'import', file, '--skip-invalid');
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/orgs\.csv:3: netblocks\[0\].*\(skipped\)\nimported: 2 created, 0 updated, 1 skipped\n$/);
    expect((await vakt('constituency', 'list')).stdout).toMatch(
      /^City \(other, TLP:AMBER\) {2}10\.0\.0\.0\/8 {2}1 contact\(s\)\n {2}Schools/,
    );
    const wrong = await vakt('constituency', 'import', fixture('ripe/ripe.db.irt'), '--format', 'xml');
    expect(wrong).toMatchObject({ code: 2, stderr: 'vakt: --format must be csv or json\n' });
  });

  it('looks up by prefix, then RIPE after an import, and refuses what is not an address', { timeout: 180_000 }, async () => {
    expect((await vakt('lookup', '10.30.1.1')).stdout).toMatch(
      /^10\.30\.1\.1 \(ip\): decided by constituency\n {2}why: the constituency owns netblock 10\.30\.0\.0\/16 \(the most specific netblock containing it\); 1 less specific netblock\(s\) overlap\n {2}Schools {2}\[10\.30\.0\.0\/16\]\n {4}security {3}it@schools\.example lang=sv/,
    );
    const ripe = await vakt('ripe', 'import', ...['inetnum', 'irt', 'role', 'organisation'].map((c) => fixture(`ripe/ripe.db.${c}`)));
    expect(ripe.code).toBe(0);
    expect(ripe.stdout).toMatch(
      /^imported 6 inetnum, 0 inet6num, 0 aut-num, 2 irt, 2 role, 2 organisation \(1 objects of other classes ignored, 2 problems\)/,
    );
    expect(ripe.stderr).toMatch(
      /ripe\.db\.inetnum:51: "not an address - at all" is not an IPv4 or IPv6 address\nripe\.db\.inetnum:55: not an RPSL attribute: "this line is garbage"\n/,
    );
    const json = JSON.parse((await vakt('lookup', '192.0.2.9', '--json')).stdout) as {
      decidedBy: string;
      ripe: { contacts: Array<{ email: string }> };
    };
    expect(json).toMatchObject({ decidedBy: 'ripe', ripe: { contacts: [{ email: 'abuse@role.example.se' }] } });
    expect(await vakt('lookup', 'not an address')).toMatchObject({
      code: 1,
      stderr: 'vakt: q: "not an address" is not an IP address, CIDR prefix, domain, URL, e-mail address or AS number (AS64500)\n',
    });
    expect((await vakt('ripe', 'import', join(dir, 'missing.gz'))).code).toBe(1);
  });

  it('ingests a Shadowserver file with a summary, lists the run, and previews notifications', { timeout: 180_000 }, async () => {
    const feed = join(dir, 'feed.json');
    writeFileSync(
      feed,
      JSON.stringify({ name: 'rdp', format: 'shadowserver', source: { kind: 'upload' }, tlp: 'GREEN', notify: 'hourly' }),
    );
    expect((await vakt('feed', 'add', feed)).stdout).toBe('feed rdp saved (version 1)\n');
    const scan = join(dir, 'scan_rdp.csv');
    writeFileSync(
      scan,
      '"timestamp","ip","port","tag"\n"2026-11-20 01:00:00","10.30.0.5",3389,"rdp"\n"2026-11-20 01:00:00","10.99.0.5",3389,"rdp"\n"2026-11-20 01:00:00","172.16.0.1",3389,"rdp"\n"broken,"1.2.3.4",1,"x"\n',
    );
    const run = await vakt('feed', 'run', 'rdp', '--file', scan);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^rdp \(scan_rdp\): 4 rows, 3 new events, 0 duplicates, 1 unowned, 1 malformed \(\d+\.\d s\)\n {2}line 5: text after a closing quote in field 1\n$/,
    );
    expect((await vakt('feed', 'runs')).stdout).toMatch(/rdp\s+ok\s+4 rows, 3 events, 0 dup, 1 unowned, 1 malformed/);
    const adHoc = await vakt('feed', 'ingest', '--format', 'shadowserver', fixture('shadowserver/scan_ntp.csv'));
    expect(adHoc.stdout).toMatch(/^ad-hoc \(scan_ntp\): 3 rows, 3 new events/);
    expect(await vakt('feed', 'ingest', '--format', 'shadowserver', fixture('ripe/ripe.db.irt'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^vakt: header: not a Shadowserver report this version knows/),
    });
    // Every row refused: the command fails, with one line on stderr.
    const broken = join(dir, 'scan_rdp-broken.csv');
    writeFileSync(broken, '"timestamp","ip","port","tag"\n"2026-11-20 01:00:00","not-an-ip",3389,"rdp"\n"2026-11-20,"x\n');
    const refused = await vakt('feed', 'ingest', '--format', 'shadowserver', broken);
    expect(refused.code).toBe(1);
    // After the progress bar, which is drawn on stderr too.
    expect(refused.stderr.endsWith(`\nvakt: no row of ${broken} could be stored (2 malformed)\n`)).toBe(true);
    // What is due depends on the hour (the feed notifies hourly, and a slow run can cross one):
    // whatever the preview shows, it writes nothing, so a second preview shows the same.
    const preview = await vakt('notify', '--dry-run');
    expect(preview.stdout).toMatch(/(^|\n)\d+ notification\(s\) would be built \(dry run, nothing written\)\n$/);
    expect((await vakt('notify', '--dry-run')).stdout).toBe(preview.stdout);
    expect((await vakt('feed', 'run', 'nope')).stderr).toBe('vakt: feed nope not found\n');
  });
});
