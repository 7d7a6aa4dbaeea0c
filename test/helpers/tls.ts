/**
 * HTTPS on loopback for tests: a certificate made by openssl for localhost, and a TLS front for a
 * server listening on plain HTTP, as a reverse proxy stands before Vakt in production. Clients
 * trust the certificate through NODE_EXTRA_CA_CERTS.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface TestCertificate {
  certFile: string;
  key: string;
  cert: string;
}

export function makeCertificate(dir: string): TestCertificate {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'pipe' },
  );
  return { certFile, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

/** An HTTPS server on a free loopback port that passes every request to http://127.0.0.1:<target()>. */
export async function tlsFront(certificate: TestCertificate, target: () => number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target(), path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://localhost:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
