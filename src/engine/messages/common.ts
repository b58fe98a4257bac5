/** Messages shared by every area: short phrases that other messages nest. */
import { defineMessages, type Msg, type RenderNested } from './define';

export const common = defineMessages({
  /** Plain text that is not translated (a name, an address, a real tool's own words). */
  'common.literal': {
    en: (p: { text: string }) => p.text,
    ko: (p) => p.text,
    example: { text: 'kube-proxy' },
  },
  /** A list of nested messages read as sentences, one after the other. */
  'common.sentences': {
    en: (p: { parts: Msg[] }, r: RenderNested) => p.parts.map(r).join(' '),
    ko: (p, r) => p.parts.map(r).join(' '),
    example: {
      parts: [
        { id: 'common.literal', params: { text: 'a.' } },
        { id: 'common.literal', params: { text: 'b.' } },
      ],
    },
  },
  /**
   * MIGRATION ONLY: an English sentence from a part of the engine that does not build descriptors yet
   * (proxy reasons, DNS and ingress notes while issue 12 converts them area by area). Rendered as is in
   * both languages; the catalogue test counts its uses so none can stay when the migration ends.
   */
  'common.untranslated': {
    en: (p: { text: string }) => p.text,
    ko: (p) => p.text,
    example: { text: 'KUBE-SVC-XPGD46QRK7WJZT7O picks 10.244.1.5:8080' },
  },
});
