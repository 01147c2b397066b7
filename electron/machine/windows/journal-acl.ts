// Who may write the relocation journal on Windows. The elevated helper finishes or undoes whatever move an
// open journal describes - writing the registry, deleting the copy's folder - so a journal that an
// ordinary user could have written must not be acted on. The engine locks the journal's folder down when
// it first writes there (SYSTEM and Administrators may write, Users may read, so that the unelevated
// wizard can follow the helper's progress); before acting on a journal it checks the folder's owner and
// every SID allowed to write the folder or the file, so that localised account names do not matter. The
// file's own owner is not held against it: an elevated administrator's new file is owned by that user on
// client Windows, and no one else can create a file in a folder only administrators may write.

import { t } from '../../../shared/i18n/translate.js';

const SYSTEM = 'S-1-5-18';
const ADMINISTRATORS = 'S-1-5-32-544';
const USERS = 'S-1-5-32-545';
const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';
const TRUSTED = new Set([SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER]);

/** icacls runs that give the folder its access control: no inheritance, then owned by Administrators. */
export function protectJournalFolderArgs(folder: string): string[][] {
  return [
    [folder, '/inheritance:r', '/grant:r', `*${SYSTEM}:(OI)(CI)F`, `*${ADMINISTRATORS}:(OI)(CI)F`, `*${USERS}:(OI)(CI)RX`],
    [folder, '/setowner', `*${ADMINISTRATORS}`],
  ];
}

/**
 * Prints, for the journal's folder and the journal, "<path>|<owner SID>|<SIDs allowed to write, comma-
 * separated>". Writing is any of write data, append, write attributes or extended attributes, delete,
 * change permissions, take ownership, or generic write or all.
 */
export const JOURNAL_ACL_SCRIPT = `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8
$sid = [System.Security.Principal.SecurityIdentifier]
foreach ($path in @((Split-Path -Parent $env:MARS_JOURNAL), $env:MARS_JOURNAL)) {
  $acl = Get-Acl -LiteralPath $path
  $writers = @($acl.GetAccessRules($true, $true, $sid) | Where-Object {
    $_.AccessControlType -eq 'Allow' -and (([int64]$_.FileSystemRights) -band 0x500D0116)
  } | ForEach-Object { $_.IdentityReference.Value })
  '{0}|{1}|{2}' -f $path, $acl.GetOwner($sid).Value, ($writers -join ',')
}
`;

/** Reads the script's answer: null when only SYSTEM, Administrators or TrustedInstaller own and may write. */
export function journalAclDoubt(text: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2) return t('machine.journal.uncheckedAnswer', { answer: text.trim().slice(0, 80) });
  for (const [index, line] of lines.entries()) {
    const [path = '', owner = '', writers = ''] = line.split('|');
    if (index === 0 && !TRUSTED.has(owner)) return t('machine.journal.owner', { path, owned: owner ? 'yes' : 'no', owner });
    const others = writers.split(',').filter((w) => w && !TRUSTED.has(w));
    if (others.length > 0) return t('machine.journal.writers', { path, writers: others.join(', ') });
  }
  return null;
}
