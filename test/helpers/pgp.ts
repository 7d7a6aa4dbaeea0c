/** Real OpenPGP keys made in the test: the team's and a reporter's. */
import * as openpgp from 'openpgp';
import { loadTeamKey, type KeyLookup, type TeamKey } from '../../src/mail/pgp.js';

export interface TestKey {
  armoredPrivate: string;
  armoredPublic: string;
  teamKey: TeamKey;
  publicKey: openpgp.PublicKey;
}

export async function makeKey(name: string, email: string, passphrase?: string): Promise<TestKey> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name, email }],
    format: 'armored',
    ...(passphrase ? { passphrase } : {}),
  });
  return {
    armoredPrivate: privateKey,
    armoredPublic: publicKey,
    teamKey: await loadTeamKey(privateKey, passphrase),
    publicKey: await openpgp.readKey({ armoredKey: publicKey }),
  };
}

/** A lookup over keys held in memory, for tests without a database. */
export function memoryLookup(keys: readonly openpgp.PublicKey[]): KeyLookup {
  return async (ids) => keys.filter((k) => k.getKeyIDs().some((id) => ids.includes(id.toHex().toUpperCase())));
}

/** An inline cleartext-signed body, as older mail clients send. */
export async function clearsign(text: string, key: TestKey): Promise<string> {
  return openpgp.sign({ message: await openpgp.createCleartextMessage({ text }), signingKeys: key.teamKey.privateKey });
}

export async function encryptInline(text: string, to: openpgp.PublicKey, signer?: TestKey): Promise<string> {
  return openpgp.encrypt({
    message: await openpgp.createMessage({ text }),
    encryptionKeys: to,
    ...(signer ? { signingKeys: signer.teamKey.privateKey } : {}),
  });
}

/** A detached, armoured signature over exact bytes, as teams publish beside a PDF (rfc2350.pdf.asc). */
export async function detachSign(data: Uint8Array, key: TestKey): Promise<string> {
  return openpgp.sign({ message: await openpgp.createMessage({ binary: data }), signingKeys: key.teamKey.privateKey, detached: true });
}
