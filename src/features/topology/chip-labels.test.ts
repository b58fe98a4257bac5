import { describe, expect, it } from 'vitest';
import {
  CHAR,
  chipChars,
  chipLabels,
  chipRoom,
  chipRow,
  fitChipLabels,
  READABLE_CHIP,
  shortenMiddle,
} from './chip-labels';

describe('shortenMiddle', () => {
  it('keeps a name that fits, and cuts the middle of one that does not', () => {
    expect(shortenMiddle('web', 7, 3)).toBe('web');
    expect(shortenMiddle('echo-cluster', 7, 3)).toBe('ech…ter');
    expect(shortenMiddle('echo-cluster', 7, 0)).toBe('…luster');
    expect(shortenMiddle('echo-cluster', 7, 6)).toBe('echo-c…');
    expect([...shortenMiddle('에코-클러스터-서비스', 5, 2)]).toHaveLength(5);
  });
});

describe('chipLabels', () => {
  it('tells apart names an end cut would make alike (echo… and echo-…)', () => {
    const labels = chipLabels(['echo-cluster', 'echo-local'], 7);
    expect(labels).toEqual(['ech…ter', 'ech…cal']);
    expect(new Set(labels).size).toBe(2);
  });

  it('moves the cut when the ends are alike too', () => {
    const names = ['frontend-v1-web', 'frontend-v2-web'];
    const labels = chipLabels(names, 7);
    expect(new Set(labels).size).toBe(2);
    labels.forEach((l, i) => {
      expect([...l].length).toBeLessThanOrEqual(7);
      const [head, tail] = l.split('…');
      expect(names[i]!.startsWith(head!)).toBe(true);
      expect(names[i]!.endsWith(tail!)).toBe(true);
    });
  });

  it('leaves short names whole, and the same name the same', () => {
    expect(chipLabels(['web', 'kube-dns'], 8)).toEqual(['web', 'kube-dns']);
    expect(chipLabels(['web-backend-service', 'web-backend-service'], 7)).toEqual(['web…ice', 'web…ice']);
  });

  it('falls back to the even cut when no cut can tell the names apart', () => {
    // Differing only in the middle character, with room for 3: every cut hides it.
    expect(chipLabels(['abcXdef', 'abcYdef'], 3)).toEqual(['a…f', 'a…f']);
  });

  it('keeps every label within the room, whatever the names', () => {
    const names = ['a', 'kube-dns', 'echo-cluster-ip-service-long', 'echo-cluster-ip-service-lang'];
    for (const max of [3, 5, 7, 12])
      for (const l of chipLabels(names, max)) expect([...l].length).toBeLessThanOrEqual(max);
    expect(new Set(chipLabels(names, 7)).size).toBe(4);
  });
});

describe('chipChars', () => {
  it('gives fewer characters to more chips and to a row with a "+N" chip', () => {
    expect(chipChars(1, false)).toBeGreaterThan(chipChars(2, false));
    expect(chipChars(2, false)).toBeGreaterThan(chipChars(2, true));
    expect(chipChars(2, true)).toBeGreaterThanOrEqual(3);
  });
});

describe('fitChipLabels', () => {
  it('keeps what tells shop-api and shop-frontend apart, not their shared start', () => {
    const names = ['shop-api', 'shop-frontend'];
    const labels = fitChipLabels(names, chipRoom(2, true));
    expect(labels).toEqual(['…api', '…rontend']);
    // The old even cut read "sho…pi" and "sho…nd": the shared "sho" took half of each chip.
    for (const l of labels) expect(l.startsWith('sho')).toBe(false);
  });

  it('gives a short name what it needs and the rest to a long one', () => {
    expect(fitChipLabels(['web', 'ingress-nginx-controller'], 14)).toEqual(['web', 'ingre…oller']);
    // Room for everything: every name whole.
    expect(fitChipLabels(['shop-api', 'shop-frontend'], 21)).toEqual(['shop-api', 'shop-frontend']);
    // Room left once the ends are shown goes back to the start.
    expect(fitChipLabels(['shop-api', 'shop-frontend'], 17)).toEqual(['shop-api', '…frontend']);
    expect(fitChipLabels(['shop-api', 'shop-frontend'], 16)).toEqual(['…op-api', '…frontend']);
  });

  it('leaves room for a mark before a chip (the followed hop’s ▶)', () => {
    const labels = fitChipLabels(['shop-api', 'shop-frontend'], 12, [2, 0]);
    expect(labels).toEqual(['…api', '…ntend']);
    expect(labels.join('').length + 2).toBeLessThanOrEqual(12);
  });

  it('tells apart names that differ in the middle', () => {
    const names = ['frontend-v1-web', 'frontend-v2-web'];
    const labels = fitChipLabels(names, 12);
    expect(new Set(labels).size).toBe(2);
    for (const l of labels) expect([...l].length).toBeLessThanOrEqual(6);
  });

  it('never crosses the room, whatever the names', () => {
    const names = ['a', 'kube-dns', 'echo-cluster-ip-service-long', 'echo-cluster-ip-service-lang'];
    for (const total of [12, 20, 30]) {
      const labels = fitChipLabels(names, total);
      expect(labels.reduce((n, l) => n + [...l].length, 0)).toBeLessThanOrEqual(Math.max(total, 12));
      expect(new Set(labels).size).toBe(4);
    }
  });
});

describe('chipRow', () => {
  it('shows both chips whole where they fit (a font measured at 8 units a character)', () => {
    expect(chipRow(['kube-dns', 'sticky'], 3, [2, 0], 8)).toEqual({
      labels: ['kube-dns', 'sticky'],
      hidden: 1,
    });
  });

  it('counts a chip in "+N" rather than cut both past reading (presenting: "▶ ku…ns", "st…ky")', () => {
    // Two chips and a "+1" at the presenting width: 12 characters for 16 wanted.
    expect(fitChipLabels(['kube-dns', 'sticky'], chipRoom(2, true), [2, 0])).toEqual(['ku…ns', 'st…ky']);
    const row = chipRow(['kube-dns', 'sticky'], 3, [2, 0], CHAR);
    expect(row).toEqual({ labels: ['kube-dns'], hidden: 2 });
  });

  it('keeps two chips when each stays readable, and never drops below one chip', () => {
    const two = chipRow(['frontend', 'backend'], 2, [0, 0], CHAR);
    expect(two.labels).toHaveLength(2);
    for (const l of two.labels) expect([...l].length).toBeGreaterThanOrEqual(READABLE_CHIP);
    const one = chipRow(['a-very-long-service-name-for-the-row-to-hold'], 1, [2], CHAR);
    expect(one.labels).toHaveLength(1);
    expect(one.hidden).toBe(0);
    expect(chipRow([], 0)).toEqual({ labels: [], hidden: 0 });
  });

  it('gives a narrower font more characters', () => {
    expect(chipRoom(2, true, 8)).toBeGreaterThan(chipRoom(2, true, CHAR));
    expect(chipChars(1, false, 8)).toBeGreaterThan(chipChars(1, false));
  });
});
