// Parses /proc/self/mountinfo (proc(5)): one mount per line, with octal escapes for spaces and other
// awkward characters in paths. Pure, so it is tested against recorded files.

export interface MountEntry {
  mountPoint: string;
  fsType: string;
  source: string;
  /** Per-mount options and the file system's own, together (both can say "ro"). */
  options: string[];
}

/** \040 (space), \011 (tab), \012 (newline), \134 (backslash), as the kernel escapes them. */
export function unescapeMountPath(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

export function parseMountinfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator < 0 || fields.length < separator + 3) continue;
    entries.push({
      mountPoint: unescapeMountPath(fields[4]!),
      fsType: fields[separator + 1]!,
      source: unescapeMountPath(fields[separator + 2]!),
      options: [...fields[5]!.split(','), ...(fields[separator + 3] ?? '').split(',')].filter(Boolean),
    });
  }
  // A later mount on the same point hides the earlier one.
  const visible = new Map<string, MountEntry>();
  for (const entry of entries) visible.set(entry.mountPoint, entry);
  return [...visible.values()];
}

/** Kernel and runtime file systems that hold no user data. */
const PSEUDO = new Set([
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'cgroup',
  'cgroup2',
  'securityfs',
  'debugfs',
  'tracefs',
  'pstore',
  'bpf',
  'mqueue',
  'hugetlbfs',
  'configfs',
  'fusectl',
  'binfmt_misc',
  'autofs',
  'rpc_pipefs',
  'nsfs',
  'efivarfs',
  'selinuxfs',
  'ramfs',
  'tmpfs',
  'squashfs',
  'fuse.portal',
  'fuse.gvfsd-fuse',
]);

export const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'sshfs',
  'fuse.sshfs',
  'ceph',
  'glusterfs',
  'fuse.glusterfs',
  '9p',
  'afs',
  'davfs',
  'fuse.rclone',
  'fuse.s3fs',
]);

/** The mounts that can hold data a person would back up or put a cache on. */
export function storageMounts(entries: MountEntry[]): MountEntry[] {
  return entries.filter((e) => !PSEUDO.has(e.fsType) || e.mountPoint === '/');
}
