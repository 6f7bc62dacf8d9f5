import { checkChromiumStore, managedEntries, type ManagedValue } from './managed-entries';
import type { ManagedValues } from './policy-target';

/**
 * A Registry Editor file (.reg) with the policies Chrome and Edge read on Windows:
 * `ExtensionInstallForcelist` as numbered values under its own key, and the extension's
 * policy under `3rdparty\extensions\<id>\policy`, one value per setting. Chrome converts each
 * value to the type extension/managed-schema.json gives the key: booleans and whole numbers
 * are written as DWORDs, other numbers as text.
 *
 * Lines end in CRLF; the file is meant to be saved as UTF-16 (see policy-file-bytes.ts),
 * the only encoding in which Registry Editor reads Chinese text.
 */
export function windowsReg(
  policyKey: string,
  store: { id: string; updateUrl: string },
  settings: ManagedValues,
): string {
  checkChromiumStore(store);
  const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${policyKey}`;
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `[${root}\\ExtensionInstallForcelist]`,
    `"1"=${regValue(`${store.id};${store.updateUrl}`)}`,
    '',
    `[${root}\\3rdparty\\extensions\\${store.id}\\policy]`,
    ...managedEntries(settings).map(([key, value]) => `${regQuoted(key)}=${regValue(value)}`),
    '',
  ];
  return lines.join('\r\n');
}

/** Registry paths the family deletes to undo the file (for the steps). */
export function windowsRegKeys(policyKey: string, extensionId: string): string[] {
  const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${policyKey}`;
  return [`${root}\\ExtensionInstallForcelist`, `${root}\\3rdparty\\extensions\\${extensionId}`];
}

function regValue(value: ManagedValue): string {
  if (typeof value === 'boolean') return dword(value ? 1 : 0);
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 && value <= 0xffffffff
      ? dword(value)
      : regQuoted(String(value));
  // A quoted string cannot hold a line break or other control character: such text is
  // written as the UTF-16 bytes of a REG_SZ (`hex(1)`), which Registry Editor takes as is.
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f]/.test(value) ? regSzBytes(value) : regQuoted(value);
}

function dword(value: number): string {
  return `dword:${value.toString(16).padStart(8, '0')}`;
}

/** Inside quotes a .reg file escapes only the backslash and the double quote. */
function regQuoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function regSzBytes(text: string): string {
  const bytes: string[] = [];
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0; // REG_SZ ends in a NUL
    bytes.push(hex(code & 0xff), hex(code >> 8));
  }
  return `hex(1):${bytes.join(',')}`;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
