/** pngjs ships no types; this declares only the synchronous calls Chronicle uses. */
declare module 'pngjs' {
  interface Image {
    width: number;
    height: number;
    /** Row-major pixels: RGB when written with inputColorType 2, always RGBA when read. */
    data: Buffer;
  }
  interface WriteOptions {
    colorType?: 0 | 2 | 4 | 6;
    inputColorType?: 0 | 2 | 4 | 6;
    inputHasAlpha?: boolean;
    /** -1 tries every filter on each row; 0–4 uses that one filter throughout. */
    filterType?: -1 | 0 | 1 | 2 | 3 | 4;
    deflateLevel?: number;
    deflateStrategy?: number;
  }
  export const PNG: {
    sync: {
      write(image: Image, options?: WriteOptions): Buffer;
      read(png: Buffer): Image;
    };
  };
}
