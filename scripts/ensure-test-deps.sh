#!/usr/bin/env bash
# What the tests need beyond npm packages: Debian's Chromium for the browser tests and Dovecot
# for the IMAP intake tests, poppler's pdftotext to read back the PDFs Vakt writes.
# Installed only when missing, and only where we may (root with apt-get); otherwise say what to do.
set -euo pipefail
missing=()
[ -x "${VAKT_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "vakt: installing test prerequisites: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "vakt: the tests need: ${missing[*]} (as root: apt-get install -y ${missing[*]})" >&2
  exit 1
fi
