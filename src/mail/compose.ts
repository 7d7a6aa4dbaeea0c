/**
 * Outgoing mail as bytes: the content entity (text plus attachments), then PGP/MIME around it
 * (RFC 3156): signed with the team key, or signed and encrypted when every recipient has a key.
 * nodemailer's MimeNode does the encoding; the PGP layering is ours because nodemailer has none.
 */
import MimeNode from 'nodemailer/lib/mime-node';
import type * as openpgp from 'openpgp';
import { encryptFor, signDetached, type TeamKey } from './pgp.js';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMail {
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string | null;
  references?: readonly string[];
  attachments?: readonly OutgoingAttachment[];
  /** Extra headers such as Auto-Submitted on acknowledgements. */
  headers?: Readonly<Record<string, string>>;
}

export interface Protection {
  teamKey?: TeamKey;
  /** Encrypt to these keys (one per recipient); sign only when absent. */
  encryptTo?: readonly openpgp.PublicKey[];
}

export type ProtectionApplied = 'none' | 'signed' | 'encrypted';

async function contentEntity(mail: OutgoingMail): Promise<Buffer> {
  const holder = new MimeNode('multipart/mixed');
  const attachments = mail.attachments ?? [];
  const content = attachments.length === 0 ? holder.createChild('text/plain; charset=utf-8') : holder.createChild('multipart/mixed');
  const textNode = attachments.length === 0 ? content : content.createChild('text/plain; charset=utf-8');
  textNode.setHeader('Content-Transfer-Encoding', 'quoted-printable');
  textNode.setContent(mail.text);
  for (const attachment of attachments) {
    const node = content.createChild(attachment.contentType, { filename: attachment.filename });
    node.setHeader('Content-Transfer-Encoding', 'base64');
    node.setContent(attachment.content);
  }
  // A child builds without the root's Date, Message-ID and MIME-Version: exactly the part to sign.
  return Buffer.from((await content.build()).toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

function envelope(root: MimeNode, mail: OutgoingMail): void {
  root.setHeader('From', mail.from);
  root.setHeader('To', mail.to.join(', '));
  if (mail.cc && mail.cc.length > 0) root.setHeader('Cc', mail.cc.join(', '));
  root.setHeader('Subject', mail.subject);
  root.setHeader('Message-ID', mail.messageId);
  if (mail.inReplyTo) root.setHeader('In-Reply-To', mail.inReplyTo);
  if (mail.references && mail.references.length > 0) root.setHeader('References', mail.references.join(' '));
  for (const [key, value] of Object.entries(mail.headers ?? {})) root.setHeader(key, value);
}

export async function composeMail(mail: OutgoingMail, protection: Protection): Promise<{ raw: Buffer; applied: ProtectionApplied }> {
  const { teamKey, encryptTo } = protection;
  const entity = await contentEntity(mail);
  let root: MimeNode;
  let applied: ProtectionApplied;
  if (teamKey && encryptTo && encryptTo.length > 0) {
    root = new MimeNode('multipart/encrypted');
    root.setHeader('Content-Type', 'multipart/encrypted; protocol="application/pgp-encrypted"');
    root
      .createChild('application/pgp-encrypted')
      .setHeader('Content-Description', 'PGP/MIME version identification')
      .setContent('Version: 1\r\n');
    root
      .createChild('application/octet-stream', { filename: 'encrypted.asc' })
      .setHeader('Content-Description', 'OpenPGP encrypted message')
      .setHeader('Content-Transfer-Encoding', '7bit')
      .setContent(await encryptFor(entity, encryptTo, teamKey));
    applied = 'encrypted';
  } else if (teamKey) {
    root = new MimeNode('multipart/signed');
    root.setHeader('Content-Type', 'multipart/signed; micalg=pgp-sha512; protocol="application/pgp-signature"');
    root.createChild('text/plain').setRaw(entity);
    root
      .createChild('application/pgp-signature', { filename: 'signature.asc' })
      .setHeader('Content-Description', 'OpenPGP digital signature')
      .setHeader('Content-Transfer-Encoding', '7bit')
      .setContent(await signDetached(entity, teamKey));
    applied = 'signed';
  } else {
    root = new MimeNode('multipart/mixed');
    root.createChild('text/plain').setRaw(entity);
    applied = 'none';
  }
  envelope(root, mail);
  return { raw: await root.build(), applied };
}
