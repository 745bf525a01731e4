// The part of `qrcode`'s API the kiosk uses, for the pages' typecheck (tsconfig.pages.json maps
// `qrcode` here). The package's own types start with `/// <reference types="node" />`, which
// would bring every Node global (process, Buffer) into the pages, where they do not exist.
export interface QRCodeToDataURLOptions {
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' | 'low' | 'medium' | 'quartile' | 'high';
  margin?: number;
  width?: number;
  color?: { dark?: string; light?: string };
}

declare const QRCode: {
  toDataURL(text: string, options?: QRCodeToDataURLOptions): Promise<string>;
};
export default QRCode;
