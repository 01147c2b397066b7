// The one decoder of profile files, used by the CLI and the wizard: UTF-8 with or without a byte-order
// mark, and UTF-16 in either byte order with its mark, as Windows PowerShell 5 writes files.
import { describe, expect, it } from 'vitest';
import { decodeProfileText } from '../../../shared/profile/decode-profile-text.js';

const TEXT = '{"host":{"name":"Serveur-données-ü"},"path":"D:\\\\Données partagées"}';
const bytes = (...parts: (number[] | Buffer)[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decodeProfileText', () => {
  it('reads UTF-8 without a byte-order mark, non-ASCII included', () => {
    expect(decodeProfileText(bytes(Buffer.from(TEXT, 'utf8')))).toBe(TEXT);
  });
  it('reads UTF-8 with a byte-order mark, dropping the mark', () => {
    expect(decodeProfileText(bytes([0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8')))).toBe(TEXT);
  });
  it('reads UTF-16LE with its byte-order mark, dropping the mark', () => {
    expect(decodeProfileText(bytes([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')))).toBe(TEXT);
  });
  it('reads UTF-16BE with its byte-order mark, dropping the mark', () => {
    expect(decodeProfileText(bytes([0xfe, 0xff], utf16be(TEXT)))).toBe(TEXT);
  });
  it('keeps "ü" and "données" whole in every encoding', () => {
    for (const encoded of [
      bytes(Buffer.from('ü données', 'utf8')),
      bytes([0xef, 0xbb, 0xbf], Buffer.from('ü données', 'utf8')),
      bytes([0xff, 0xfe], Buffer.from('ü données', 'utf16le')),
      bytes([0xfe, 0xff], utf16be('ü données')),
    ])
      expect(decodeProfileText(encoded)).toBe('ü données');
  });
  it('gives empty text for an empty file, and for a file that is only a mark', () => {
    expect(decodeProfileText(new Uint8Array())).toBe('');
    expect(decodeProfileText(bytes([0xef, 0xbb, 0xbf]))).toBe('');
    expect(decodeProfileText(bytes([0xff, 0xfe]))).toBe('');
  });
});
