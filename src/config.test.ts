import { describe, expect, it } from 'vitest';
import { loadConfig, servedAt } from './config.js';

describe('where links in mail point', () => {
  it('at VAKT_PUBLIC_URL when set, whatever port is served', () => {
    const env = { VAKT_PUBLIC_URL: 'https://cert.example.org/' };
    expect(loadConfig(env).mail.linkBase).toBe('https://cert.example.org');
    expect(servedAt(loadConfig(env), '0.0.0.0', 3000, env).mail.linkBase).toBe('https://cert.example.org');
  });

  it('else at the address served: VAKT_PORT, or the port and host given to vakt serve', () => {
    expect(loadConfig({}).mail.linkBase).toBe('http://localhost:8080');
    expect(loadConfig({ VAKT_PORT: '9000' }).mail.linkBase).toBe('http://localhost:9000');
    expect(servedAt(loadConfig({}), '127.0.0.1', 3000, {})).toMatchObject({ port: 3000, mail: { linkBase: 'http://localhost:3000' } });
    expect(servedAt(loadConfig({}), 'vakt.lan', 8443, {}).mail.linkBase).toBe('http://vakt.lan:8443');
    expect(servedAt(loadConfig({}), 'fd00::5', 80, {}).mail.linkBase).toBe('http://[fd00::5]:80');
  });
});
