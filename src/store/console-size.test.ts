import { describe, expect, it } from 'vitest';
import { consoleSizeFrom } from './console-size';
import { APP_VERSION, readApp } from './workspace-record';

describe('the console height kept with the page', () => {
  it('is read back when it is a height inside its column', () => {
    expect(consoleSizeFrom({ height: 410, column: 640 })).toEqual({ height: 410, column: 640 });
    expect(consoleSizeFrom({ height: 0.5, column: 1000.25 })).toEqual({ height: 0.5, column: 1000.25 });
  });

  it('is no height (the page’s own) when it is nonsense', () => {
    for (const raw of [
      undefined,
      null,
      410,
      '410',
      [410, 640],
      {},
      { height: 410 },
      { column: 640 },
      { height: -10, column: 640 },
      { height: 0, column: 640 },
      { height: 410, column: -640 },
      { height: Number.NaN, column: 640 },
      { height: 410, column: Number.NaN },
      { height: Number.POSITIVE_INFINITY, column: 640 },
      { height: 410, column: Number.POSITIVE_INFINITY },
      { height: '410', column: 640 },
      { height: 410, column: '640' },
      { height: 900, column: 640 }, // taller than its column, and than the window it was in
      { height: 640, column: 640 },
    ])
      expect(consoleSizeFrom(raw), JSON.stringify(raw)).toBeNull();
  });

  it('comes back with the page’s record; a record saved before it was kept has none', () => {
    const size = { height: 600, column: 1002 };
    expect(readApp({ v: APP_VERSION, locale: 'ko', consoleSize: size }, 'en')).toMatchObject({
      app: { locale: 'ko', consoleSize: size },
      keepAside: false,
    });
    // Version 1 as first saved (before the console's height was kept): no field, the page's own height.
    expect(readApp({ v: 1, locale: 'en', lessonsVersion: 2 }, 'en').app.consoleSize).toBeNull();
    // A damaged field costs only itself.
    const damaged = readApp({ v: 1, locale: 'ko', consoleSize: { height: 'tall', column: 640 } }, 'en');
    expect(damaged.app).toMatchObject({ locale: 'ko', consoleSize: null });
    // From a newer svclab: read as well as this one can, and kept aside as it was.
    expect(readApp({ v: APP_VERSION + 1, consoleSize: size }, 'en')).toMatchObject({
      app: { consoleSize: size },
      keepAside: true,
    });
    expect(readApp('garbage', 'en').app.consoleSize).toBeNull();
  });
});
