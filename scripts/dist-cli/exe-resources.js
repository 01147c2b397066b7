// The exe's own file properties (issue 16): mars-readiness.exe starts as a copy of node.exe, whose version
// resource says "Node.js" and whose icon is Node's. build.js calls this after postject has injected the SEA
// blob and before osslsigncode signs (editing the file invalidates a signature; Node's own was removed before
// the injection). resedit (pure JavaScript; NtExecutable and NtExecutableResource are pe-library's, which it re-exports) rewrites only the resource section: the version
// resource (VS_VERSIONINFO, US English) is replaced by ours, Node's icon group and its images by
// build/mars-readiness.ico (scripts/dist-cli/make-icon.js draws it); every other resource - NODE_SEA_BLOB,
// which the SEA runs from, and the manifest - is written back as it was, which is checked here.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Data, NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { ICON } from './make-icon.js';

const LANG = 1033; // en-US
const CODEPAGE = 1200; // UTF-16, what Windows reads the strings as
const RT_ICON = 3;
const RT_RCDATA = 10;
const RT_GROUP_ICON = 14;
const RT_VERSION = 16;
const ICON_GROUP = 1;
const VOS_NT_WINDOWS32 = 0x40004;
const VFT_APP = 1;
const VS_FFI_FILEFLAGSMASK = 0x3f;

/** package.json's version as the four numbers Windows shows (0.1.0 -> 0.1.0.0); a pre-release tag is dropped. */
export function windowsVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  const parts = match?.slice(1, 4).map(Number);
  if (!parts || parts.some((n) => n > 0xffff))
    throw new Error(`package.json's version ${version} is not major.minor.patch of at most 65535 each.`);
  return [...parts, 0];
}

/** The strings of the version resource, as Explorer's Details tab and Get-Item's VersionInfo show them. */
export function versionStrings(pkg) {
  const version = windowsVersion(pkg.version).join('.');
  return {
    CompanyName: 'MARS Readiness Wizard authors',
    FileDescription: 'MARS Readiness Wizard (command line)',
    FileVersion: version,
    InternalName: 'mars-readiness',
    // As build/electron-builder.yml's copyright, with the licence package.json names.
    LegalCopyright: `Copyright © 2026 the MARS Readiness Wizard authors. ${pkg.license} License.`,
    OriginalFilename: 'mars-readiness.exe',
    ProductName: 'MARS Readiness Wizard',
    ProductVersion: version,
  };
}

/** Rewrites the exe's version resource and icon in place; throws when another resource would not survive. */
export function setExeResources(exeFile, pkg) {
  const exe = NtExecutable.from(readFileSync(exeFile));
  const res = NtExecutableResource.from(exe);
  const kept = res.entries.filter((e) => ![RT_ICON, RT_GROUP_ICON, RT_VERSION].includes(e.type));
  const seaBlob = kept.find((e) => e.type === RT_RCDATA && e.id === 'NODE_SEA_BLOB');
  if (!seaBlob) throw new Error(`${exeFile} has no NODE_SEA_BLOB resource: the injection did not happen.`);
  const before = kept.map(digestOf);

  // Node's version resource goes whatever its language; ours is the only one.
  res.entries = res.entries.filter((e) => e.type !== RT_VERSION);
  const [major, minor, patch, revision] = windowsVersion(pkg.version);
  const info = Resource.VersionInfo.create(LANG, { fileFlagsMask: VS_FFI_FILEFLAGSMASK, fileOS: VOS_NT_WINDOWS32, fileType: VFT_APP }, [
    { lang: LANG, codepage: CODEPAGE, values: {} },
  ]);
  info.setFileVersion(major, minor, patch, revision, LANG);
  info.setProductVersion(major, minor, patch, revision, LANG);
  info.setStringValues({ lang: LANG, codepage: CODEPAGE }, versionStrings(pkg));
  info.outputToResourceEntries(res.entries);

  // Node's icon group (id 1: the exe's icon in Explorer) and its images make way for ours.
  res.entries = res.entries.filter((e) => e.type !== RT_ICON && e.type !== RT_GROUP_ICON);
  const icon = Data.IconFile.from(readFileSync(ICON));
  Resource.IconGroupEntry.replaceIconsForResource(
    res.entries,
    ICON_GROUP,
    LANG,
    icon.icons.map((item) => item.data),
  );

  res.outputResource(exe);
  const edited = Buffer.from(exe.generate());
  const after = NtExecutableResource.from(NtExecutable.from(edited)).entries.filter(
    (e) => ![RT_ICON, RT_GROUP_ICON, RT_VERSION].includes(e.type),
  );
  if (after.map(digestOf).join('\n') !== before.join('\n')) {
    throw new Error(`resedit did not keep ${exeFile}'s other resources (NODE_SEA_BLOB, the manifest) as they were.`);
  }
  writeFileSync(exeFile, edited);
}

function digestOf(entry) {
  const bytes = new Uint8Array(entry.bin);
  return `${entry.type}/${entry.id}/${entry.lang}/${entry.codepage}: ${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}`;
}
