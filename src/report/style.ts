// Colour as a decoration only: every status is also a word, so plain output reads the same.
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const paint = (open: string, close: string) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOR: Style = {
  error: paint('1;31', '0'),
  warning: paint('1;33', '0'),
  info: paint('1;36', '0'),
  ok: paint('1;32', '0'),
  dim: paint('2', '22'),
  bold: paint('1', '22'),
};

const same = (text: string) => text;
const PLAIN: Style = { error: same, warning: same, info: same, ok: same, dim: same, bold: same };

export function styleFor(color: boolean): Style {
  return color ? COLOR : PLAIN;
}
