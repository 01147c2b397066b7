// The text of a machine-profile file from its bytes, for the CLI (a file or standard input) and for the
// wizard (a file the user opens): one decoder, so both accept the same files. Pure: TextDecoder is there
// in Node and in browsers alike.

/** UTF-8 (with or without a byte-order mark), or UTF-16 LE/BE with its mark, as Windows PowerShell 5 writes files. */
export function decodeProfileText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
