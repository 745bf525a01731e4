import { describe, expect, it } from 'vitest';
import { messages } from '../../../manager/src/i18n.js';
import { printerProblem } from '../../../manager/src/state/equipment.js';

describe('printerProblem', () => {
  it.each([
    ['127.0.0.1:9109: refused: connect ECONNREFUSED 127.0.0.1:9109', 'refused'],
    ['connect ECONNREFUSED 127.0.0.1:9109', 'refused'],
    ['10.0.0.5:9100: connect ETIMEDOUT 10.0.0.5:9100', 'timeout'],
    ['connect 10.0.0.5:9100: no answer in 3000 ms', 'timeout'],
    ['/dev/usb/lp0: the job was not taken in 5000 ms', 'timeout'],
    ['10.0.0.5:9100: connect EHOSTUNREACH 10.0.0.5:9100', 'unreachable'],
    ["/dev/usb/lp0: ENOENT: no such file or directory, open '/dev/usb/lp0'", 'not-found'],
    ["yazici.local could not be resolved; use the printer's IP address", 'not-found'],
    ["/dev/usb/lp0: EACCES: permission denied, open '/dev/usb/lp0'", 'no-permission'],
    ['/dev/usb/lp0: EBUSY: resource busy or locked', 'busy'],
    ['10.0.0.5:9100: read ECONNRESET', 'interrupted'],
    ['10.0.0.5:9100: connection closed before the job was taken', 'interrupted'],
    ['refused: 10.0.0.9 is not in PRINTER_ALLOW', 'not-allowed'],
    ['something else entirely', 'other'],
  ] as const)('when the error is %s, then the problem is %s', (error, problem) => {
    expect(printerProblem(error)).toBe(problem);
  });

  it('when shown, then every problem reads as a sentence in Turkish and English, with no error code', () => {
    for (const lang of ['tr', 'en'] as const) {
      for (const text of Object.values(messages(lang).printerProblem)) {
        expect(text).toMatch(/\.$/);
        expect(text).not.toMatch(/\bE[A-Z]{3,}\b/);
      }
    }
  });
});
