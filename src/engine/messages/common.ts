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
});
