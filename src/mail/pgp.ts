/**
 * OpenPGP for mail: the team key (decrypts incoming reports, signs outgoing mail) and the keys
 * of contacts (verify their signatures, encrypt to them). A result is always a status, never an
 * exception: a report that cannot be decrypted or verified is still stored, with that status.
 */
import { readFile } from 'node:fs/promises';
import * as openpgp from 'openpgp';

export type SignatureStatus = 'valid' | 'invalid' | 'unknown-key' | 'not-signed' | 'smime-unverified';
export type EncryptionStatus = 'none' | 'decrypted' | 'failed';

export interface SignatureCheck {
  status: SignatureStatus;
  /** The fingerprint of the key that made a valid or invalid signature; the key id when unknown. */
  signer?: string;
  detail?: string;
}

/** Finds the stored public keys that could have made signatures with these key ids. */
export type KeyLookup = (keyIds: readonly string[]) => Promise<openpgp.PublicKey[]>;

export interface TeamKey {
  privateKey: openpgp.PrivateKey;
  publicKey: openpgp.PublicKey;
  fingerprint: string;
}

export async function loadTeamKey(armored: string, passphrase?: string): Promise<TeamKey> {
  const key = await openpgp.readPrivateKey({ armoredKey: armored });
  const privateKey = key.isDecrypted() ? key : await openpgp.decryptKey({ privateKey: key, passphrase: passphrase ?? '' });
  return { privateKey, publicKey: privateKey.toPublic(), fingerprint: privateKey.getFingerprint().toUpperCase() };
}

export async function loadTeamKeyFile(file: string, passphrase?: string): Promise<TeamKey> {
  try {
    return await loadTeamKey(await readFile(file, 'utf8'), passphrase);
  } catch (error) {
    throw new Error(`the team PGP key in ${file} could not be used: ${(error as Error).message}`);
  }
}

export interface PublicKeyInfo {
  fingerprint: string;
  email: string;
  userIds: string[];
  expiresAt: Date | null;
  armored: string;
}

/** Reads one armoured public key and what it says of itself. */
export async function describePublicKey(armored: string): Promise<PublicKeyInfo> {
  const key = await openpgp.readKey({ armoredKey: armored });
  if (key.isPrivate()) throw new Error('this is a private key; give the public key only');
  const userIds = key.getUserIDs();
  const email = /<([^>]+)>/.exec(userIds[0] ?? '')?.[1] ?? userIds[0] ?? '';
  const expiry = await key.getExpirationTime();
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    email: email.toLowerCase(),
    userIds,
    expiresAt: expiry instanceof Date ? expiry : null,
    armored: key.armor(),
  };
}

async function checkSignatures(
  signatures: ReadonlyArray<{ keyID: openpgp.KeyID; verified: Promise<true> }>,
  keys: readonly openpgp.PublicKey[],
): Promise<SignatureCheck> {
  const first = signatures[0];
  if (!first) return { status: 'not-signed' };
  const keyId = first.keyID.toHex().toUpperCase();
  const key = keys.find((k) => k.getKeys(first.keyID).length > 0);
  if (!key) {
    // openpgp rejects `verified` when it has no key; say why instead of "invalid".
    first.verified.catch(() => undefined);
    return { status: 'unknown-key', signer: keyId, detail: `no stored key for key id ${keyId}` };
  }
  try {
    await first.verified;
    return { status: 'valid', signer: key.getFingerprint().toUpperCase() };
  } catch (error) {
    return { status: 'invalid', signer: key.getFingerprint().toUpperCase(), detail: (error as Error).message };
  }
}

function keyIdsOf(signature: { getSigningKeyIDs(): openpgp.KeyID[] }): string[] {
  return signature.getSigningKeyIDs().map((id) => id.toHex().toUpperCase());
}

/** A detached signature over exact bytes (PGP/MIME, RFC 3156). */
export async function verifyDetached(data: Uint8Array, armoredSignature: string, lookup: KeyLookup): Promise<SignatureCheck> {
  try {
    const signature = await openpgp.readSignature({ armoredSignature });
    const keys = await lookup(keyIdsOf(signature));
    const message = await openpgp.createMessage({ binary: data });
    const result = await openpgp.verify({ message, signature, verificationKeys: keys.length > 0 ? [...keys] : [], format: 'binary' });
    return await checkSignatures(result.signatures, keys);
  } catch (error) {
    return { status: 'invalid', detail: `unreadable signature: ${(error as Error).message}` };
  }
}

/** An inline "-----BEGIN PGP SIGNED MESSAGE-----" block. */
export async function verifyCleartext(armored: string, lookup: KeyLookup): Promise<{ text: string; check: SignatureCheck }> {
  try {
    const message = await openpgp.readCleartextMessage({ cleartextMessage: armored });
    const keys = await lookup(message.getSigningKeyIDs().map((id) => id.toHex().toUpperCase()));
    const result = await openpgp.verify({ message, verificationKeys: [...keys] });
    return { text: message.getText(), check: await checkSignatures(result.signatures, keys) };
  } catch (error) {
    return { text: armored, check: { status: 'invalid', detail: `unreadable signed message: ${(error as Error).message}` } };
  }
}

export interface Decryption {
  status: EncryptionStatus;
  data?: Uint8Array;
  check: SignatureCheck;
  detail?: string;
}

/** Decrypts an armoured or binary OpenPGP message with the team key; checks a signature inside it. */
export async function decryptMessage(input: string | Uint8Array, teamKey: TeamKey | undefined, lookup: KeyLookup): Promise<Decryption> {
  if (!teamKey)
    return {
      status: 'failed',
      check: { status: 'not-signed' },
      detail: 'the message is encrypted but no team key is configured (VAKT_PGP_KEY_FILE)',
    };
  try {
    const message =
      typeof input === 'string'
        ? await openpgp.readMessage({ armoredMessage: input })
        : await openpgp.readMessage({ binaryMessage: input });
    const result = await openpgp.decrypt({ message, decryptionKeys: teamKey.privateKey, format: 'binary' });
    const signerIds = result.signatures.map((s) => s.keyID.toHex().toUpperCase());
    const keys = signerIds.length > 0 ? await lookup(signerIds) : [];
    let check: SignatureCheck;
    if (keys.length > 0) {
      // Verify again with the keys now known: the first pass had none.
      const again = await openpgp.decrypt({
        message:
          typeof input === 'string'
            ? await openpgp.readMessage({ armoredMessage: input })
            : await openpgp.readMessage({ binaryMessage: input }),
        decryptionKeys: teamKey.privateKey,
        verificationKeys: [...keys],
        format: 'binary',
      });
      check = await checkSignatures(again.signatures, keys);
    } else {
      check = await checkSignatures(result.signatures, keys);
    }
    return { status: 'decrypted', data: result.data, check };
  } catch (error) {
    return { status: 'failed', check: { status: 'not-signed' }, detail: `could not decrypt: ${(error as Error).message}` };
  }
}

/** A detached, armoured signature over exact bytes. */
export async function signDetached(data: Uint8Array, teamKey: TeamKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: data });
  return openpgp.sign({ message, signingKeys: teamKey.privateKey, detached: true, format: 'armored' });
}

/** Encrypts bytes to the recipients (and to the team, so the sent copy stays readable), signed. */
export async function encryptFor(data: Uint8Array, recipients: readonly openpgp.PublicKey[], teamKey: TeamKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: data });
  return openpgp.encrypt({
    message,
    encryptionKeys: [...recipients, teamKey.publicKey],
    signingKeys: teamKey.privateKey,
    format: 'armored',
  });
}

export async function readPublicKeys(armored: readonly string[]): Promise<openpgp.PublicKey[]> {
  return Promise.all(armored.map((armoredKey) => openpgp.readKey({ armoredKey })));
}
