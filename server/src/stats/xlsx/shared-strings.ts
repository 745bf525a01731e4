import { textElement } from './sheet-xml.js';

/** How much text the table may hold; past it, new texts are written inline. */
export interface SharedStringLimits {
  entries: number;
  chars: number;
  /** Longer texts (comments) are always inline: they rarely repeat. */
  longest: number;
}

const LIMITS: SharedStringLimits = { entries: 50_000, chars: 2_000_000, longest: 100 };

/**
 * The workbook's shared-string table, bounded. A visit row's texts come from small sets
 * (services, counters, clerks, labels, ticket numbers), so sharing them keeps each cell a
 * short index and the sheet XML ASCII, which is several times cheaper to encode and deflate
 * than the same texts inline. Texts that do not fit the limits are written inline instead,
 * so memory stays bounded whatever the data.
 */
export class SharedStrings {
  /** Text → its index. */
  private readonly index = new Map<string, number>();
  private chars = 0;
  private refs = 0;

  constructor(private readonly limits: SharedStringLimits = LIMITS) {}

  /** The index of `text`, adding it if it fits; undefined: write it inline. */
  indexOf(text: string): number | undefined {
    let i = this.index.get(text);
    if (i === undefined) {
      if (!this.fits(text)) return undefined;
      i = this.index.size;
      this.index.set(text, i);
      this.chars += text.length;
    }
    this.refs++;
    return i;
  }

  /** The `xl/sharedStrings.xml` part, once every cell has been written. */
  xml(): string {
    const items = Array.from(this.index.keys(), (t) => `<si>${textElement(t)}</si>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      `count="${this.refs}" uniqueCount="${items.length}">${items.join('')}</sst>`
    );
  }

  private fits(text: string): boolean {
    return (
      text.length <= this.limits.longest &&
      this.index.size < this.limits.entries &&
      this.chars + text.length <= this.limits.chars
    );
  }
}
