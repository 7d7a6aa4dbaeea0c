/**
 * Subject tags tie mail to its ticket: "[CERT-STHLM #1234]". Reports and incidents share one
 * number sequence, so a tag names exactly one of them.
 */
export function formatTag(shortName: string, id: string | number): string {
  return `[${shortName} #${id}]`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ticket number in a subject's tag, when the tag is ours. */
export function findTag(subject: string, shortName: string): string | undefined {
  const match = new RegExp(`\\[\\s*${escape(shortName)}\\s*#\\s*(\\d{1,15})\\s*\\]`, 'i').exec(subject);
  return match?.[1];
}

/** "Re: [TAG #12] subject", keeping an existing tag and not piling up "Re: Re:". */
export function replySubject(subject: string, shortName: string, id: string | number): string {
  const bare = subject.replace(/^(\s*(re|sv|aw|vs|fw|fwd|vb)\s*:\s*)+/i, '').trim();
  const tagged =
    findTag(bare, shortName) === String(id)
      ? bare
      : `${formatTag(shortName, id)} ${bare.replace(new RegExp(`\\[\\s*${escape(shortName)}\\s*#\\s*\\d+\\s*\\]\\s*`, 'i'), '')}`;
  return `Re: ${tagged}`.trim();
}
