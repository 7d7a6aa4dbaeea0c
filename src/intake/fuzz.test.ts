/**
 * Property and fuzz tests for the two parsers every mail goes through: indicator extraction and
 * MIME parsing. Thousands of generated inputs each; neither may throw, hang or return nonsense.
 */
import fc from 'fast-check';
import { isIPv4, isIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { mail } from '../../test/helpers/mail.js';
import { extractIndicators, MAX_INDICATORS, refang } from './indicators.js';
import { parseMessage } from './mime.js';

const lookup = async () => [];

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('se', 'com', 'org', 'example', 'net'))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[a-z0-9.:@/[\]()-]/gi, ' '));

describe('indicator extraction (property-based)', () => {
  it('finds every IPv4 address and domain put into arbitrary text, defanged or not', () => {
    fc.assert(
      fc.property(filler, ipv4, filler, domain, filler, fc.boolean(), (a, ip, b, host, c, defang) => {
        const shownIp = defang ? ip.replace(/\./g, '[.]') : ip;
        const shownHost = defang ? host.replace(/\./, '[.]') : host;
        const found = extractIndicators(`${a} ${shownIp} ${b} ${shownHost} ${c}`);
        expect(found).toContainEqual({ kind: 'ipv4', value: ip });
        expect(found).toContainEqual({ kind: 'domain', value: host });
      }),
      { numRuns: 2000 },
    );
  });

  it('URLs: hxxp and [.] are refanged, the host is found too', () => {
    fc.assert(
      fc.property(domain, fc.stringMatching(/^[a-z0-9/]{0,20}$/), (host, path) => {
        const found = extractIndicators(`visit hxxps://${host.replace(/\./g, '[.]')}/${path} now`);
        expect(found).toContainEqual({ kind: 'url', value: `https://${host}/${path}` });
        expect(found).toContainEqual({ kind: 'domain', value: host });
      }),
      { numRuns: 1000 },
    );
  });

  it('whatever the input, every result is valid for its kind, bounded in number, and nothing throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => {
        const found = extractIndicators(text);
        expect(found.length).toBeLessThanOrEqual(MAX_INDICATORS);
        for (const { kind, value } of found) {
          if (kind === 'ipv4') expect(isIPv4(value)).toBe(true);
          if (kind === 'ipv6') expect(isIPv6(value)).toBe(true);
          if (kind === 'sha256') expect(value).toMatch(/^[0-9a-f]{64}$/);
          if (kind === 'cve') expect(value).toMatch(/^CVE-\d{4}-\d{4,7}$/);
          if (kind === 'url') expect(() => new URL(value)).not.toThrow();
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stays linear on hostile input: long runs of dots, colons, hex and letters', () => {
    for (const hostile of [
      'a.'.repeat(200_000),
      ':'.repeat(400_000),
      'f'.repeat(500_000),
      'a'.repeat(400_000) + '@',
      '1.'.repeat(200_000),
      'hxxp://' + '[.]'.repeat(100_000),
    ]) {
      const started = process.hrtime.bigint();
      extractIndicators(hostile);
      // A generous bound: a backtracking regex would take minutes, not seconds.
      expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
    }
  });

  it('refang leaves clean text alone', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((s) => !/[[\](){}]|hxxp|fxp/i.test(s)),
        (s) => {
          expect(refang(s)).toBe(s);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('MIME parsing (fuzz)', () => {
  const seeds = [
    mail(),
    mail({
      contentType: 'multipart/mixed; boundary="b"',
      body: '--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/zip; name=a.zip\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBA==\r\n--b--',
    }),
    mail({ contentType: 'message/rfc822', body: mail({ subject: 'inner' }).toString() }),
    mail({ contentType: 'text/html; charset=iso-8859-1', body: '<p>h\xe4r</p>' }),
    mail({
      contentType: 'multipart/signed; protocol="application/pgp-signature"; boundary="s"',
      body: '--s\r\nContent-Type: text/plain\r\n\r\nsigned\r\n--s\r\nContent-Type: application/pgp-signature\r\n\r\n-----BEGIN PGP SIGNATURE-----\r\nxx\r\n-----END PGP SIGNATURE-----\r\n--s--',
    }),
  ];

  it('never throws on mutated mail: bytes flipped, cut, duplicated; always says what it got', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(),
        fc.boolean(),
        async (seed, flips, cutAt, duplicate) => {
          const bytes = Buffer.from(seed);
          for (const [position, value] of flips) bytes[position % bytes.length] = value;
          let input = bytes.subarray(0, Math.max(1, cutAt % (bytes.length + 1)));
          if (duplicate) input = Buffer.concat([input, input]);
          const parsed = await parseMessage(input, { lookup });
          expect(typeof parsed.subject).toBe('string');
          expect(typeof parsed.text).toBe('string');
          expect(parsed.text.includes('\u0000')).toBe(false);
          expect(parsed.subject.length).toBeLessThanOrEqual(998);
          expect(parsed.bodyHash).toMatch(/^[0-9a-f]{64}$/);
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const parsed = await parseMessage(Buffer.from(bytes), { lookup });
        expect(parsed.text.includes('\u0000')).toBe(false);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('deeply nested multiparts and forwards are bounded', async () => {
    let body = 'core';
    for (let depth = 0; depth < 60; depth++)
      body = `--b${depth}\r\nContent-Type: multipart/mixed; boundary="b${depth + 1}"\r\n\r\n${body}\r\n--b${depth}--`;
    const parsed = await parseMessage(mail({ contentType: 'multipart/mixed; boundary="b0"', body }), { lookup });
    expect(typeof parsed.text).toBe('string');
    let forward = mail({ subject: 'innermost', body: 'deep' });
    for (let depth = 0; depth < 10; depth++)
      forward = mail({ subject: `fwd ${depth}`, contentType: 'message/rfc822', body: forward.toString() });
    const forwarded = await parseMessage(forward, { lookup });
    expect((forwarded.text.match(/Forwarded message/g) ?? []).length).toBeLessThanOrEqual(3);
  });
});
