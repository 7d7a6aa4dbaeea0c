/**
 * Signed RFC 2350 documents: many teams publish theirs as a PGP cleartext-signed text, others as
 * a PDF or text with a detached signature beside it (rfc2350.pdf.asc). The
 * signature is checked against the team's key when Vakt knows it — a key in the key store, or the
 * key block the document carries when its fingerprint is the one the directory already recorded
 * for this team (a key that only vouches for itself proves nothing). A signature that does not
 * verify means the text was changed after signing: such a document is not written.
 */
import type { Kysely } from 'kysely';
import * as openpgp from 'openpgp';
import type { Schema } from '../db/schema.js';
import { keyLookup } from '../mail/keys.js';
import { verifyCleartext, verifyDetached, type KeyLookup, type SignatureCheck } from '../mail/pgp.js';
import { readRfc2350, type ReadOptions, type Rfc2350Reading } from './rfc2350-import.js';
import { findTeamByIdentity } from './teams.js';

export interface DocumentSignature {
  status: 'valid' | 'invalid' | 'unknown-key' | 'unreadable' | 'not-signed';
  /** The signing key's fingerprint (valid, invalid) or key id (unknown). */
  signer: string | null;
  /** The signing key is one section 2.8 of the document names. */
  namedInDocument: boolean;
  detail: string;
}

const SIGNED = /-----BEGIN PGP SIGNED MESSAGE-----[\s\S]*?-----END PGP SIGNATURE-----/;
const KEY_BLOCK = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g;

async function embeddedKeys(text: string): Promise<openpgp.PublicKey[]> {
  const keys: openpgp.PublicKey[] = [];
  for (const [block] of text.matchAll(KEY_BLOCK))
    keys.push(...(await openpgp.readKeys({ armoredKeys: block }).catch(() => [] as openpgp.PublicKey[])));
  return keys;
}

/** The store's keys, and the document's own key where the directory recorded its fingerprint before. */
function lookupFor(stored: KeyLookup, carried: readonly openpgp.PublicKey[], recorded: ReadonlySet<string>): KeyLookup {
  return async (ids) => [
    ...(await stored(ids)),
    ...carried.filter(
      (k) => recorded.has(k.getFingerprint().toUpperCase()) && k.getKeyIDs().some((id) => ids.includes(id.toHex().toUpperCase())),
    ),
  ];
}

/** A signature published beside the document: the signature file as it came and the exact bytes it signs (the PDF, the text file). */
export interface DetachedSignature {
  signed: Uint8Array;
  /** An armoured .asc or a binary .sig: either is read here. */
  signature: Uint8Array;
}

const ARMOUR = '-----BEGIN PGP SIGNATURE-----';

/** A signature file as armoured text: an .asc as it is, a binary .sig put in armour (bytes that are no signature stay unreadable, for the check to say so). */
function armoured(signature: Uint8Array): string {
  const bytes = Buffer.from(signature);
  return bytes.includes(ARMOUR) ? bytes.toString('utf8') : openpgp.armor(openpgp.enums.armor.signature, bytes);
}

export async function checkDocumentSignature(
  db: Kysely<Schema>,
  text: string,
  reading: Rfc2350Reading,
  detached?: DetachedSignature,
): Promise<DocumentSignature> {
  const block = SIGNED.exec(text)?.[0];
  const named = new Set((reading.team?.pgpKeys ?? []).flatMap((k) => [k.fingerprint, k.keyId]).filter((v): v is string => Boolean(v)));
  if (!block && !detached) return { status: 'not-signed', signer: null, namedInDocument: false, detail: 'the document is not PGP-signed' };
  const known = reading.team ? await findTeamByIdentity(db, reading.team) : undefined;
  const recorded = new Set((known?.team.pgpKeys ?? []).flatMap((k) => (k.fingerprint ? [k.fingerprint] : [])));
  const lookup = lookupFor(keyLookup(db), await embeddedKeys(text), recorded);
  const check: SignatureCheck = detached
    ? await verifyDetached(detached.signed, armoured(detached.signature), lookup)
    : (await verifyCleartext(block!, lookup)).check;
  const signer = check.signer ?? null;
  const namedInDocument = Boolean(signer && [...named].some((n) => signer.endsWith(n)));
  switch (check.status) {
    case 'valid':
      return {
        status: 'valid',
        signer,
        namedInDocument,
        detail: `signed by ${signer}${namedInDocument ? ', the key section 2.8 names' : ''}`,
      };
    case 'unknown-key':
      return {
        status: 'unknown-key',
        signer,
        namedInDocument,
        detail: `signed with key ${signer}, which Vakt does not have: add the team's key (Mail → PGP keys) to check it`,
      };
    default:
      return /^unreadable/.test(check.detail ?? '')
        ? {
            status: 'unreadable',
            signer,
            namedInDocument,
            detail: detached
              ? 'the signature file cannot be read as an OpenPGP signature: not checked'
              : 'the signed block cannot be read (its lines were re-wrapped or flattened): not checked',
          }
        : {
            status: 'invalid',
            signer,
            namedInDocument,
            detail: `the signature does not verify: the ${detached ? 'file' : 'text'} was changed after signing (${check.detail ?? 'bad signature'})`,
          };
  }
}

/** Reads a document and checks its signature; a document whose signature fails is not importable. */
export async function readCheckedRfc2350(
  db: Kysely<Schema>,
  input: Buffer | string,
  options: ReadOptions,
  detached?: DetachedSignature,
): Promise<Rfc2350Reading & { signature: DocumentSignature }> {
  const reading = readRfc2350(input, options);
  // A cleartext signature covers the text as signed: UTF-8, as OpenPGP cleartext is.
  const signature = await checkDocumentSignature(db, typeof input === 'string' ? input : input.toString('utf8'), reading, detached);
  if (signature.status === 'invalid') {
    reading.errors.push({ field: '(signature)', reason: signature.detail });
    reading.team = undefined;
  } else if (signature.status !== 'valid' && signature.status !== 'not-signed') reading.warnings.push(signature.detail);
  return { ...reading, signature };
}
