/**
 * Korean particles after a value the message does not know in advance. A particle's form depends on
 * how the word before it is *read*: 서비스가 but 웹이, 노드로 but 파드-3으로. The values svclab puts
 * in a sentence are names, addresses and numbers (web, node-1, 10.96.0.10, ClusterIP), so the word's
 * last sound is taken the way a Korean engineer reads them aloud: Hangul by its final consonant
 * (es-hangul), numbers in Sino-Korean (10 십, 443 사백사십삼), acronyms and letters by their letter
 * names (IP 아이피, dns 디엔에스), version numbers in English (IPv6 식스), and English words by how
 * their loanword ends (web 웹, zone 존, local 로컬, frontend 프런트엔드).
 *
 * The English rules are a reading, not a dictionary: they cover the names Kubernetes and svclab's
 * scenes use (see the table in josa.test.ts). A word they read wrong still gets a grammatical
 * particle for *some* reading, never a "을(를)" the student must decode.
 *
 * @example
 * josa('web', '이/가'); // 'web이'
 * josa('node-2', '으로/로'); // 'node-2로'
 * josa(443, '을/를'); // '443을'
 * josa('ClusterIP', '은/는'); // 'ClusterIP는'
 */
import { josa as hangulJosa, numberToHangul } from 'es-hangul';

/** The particles a message may put after a value (es-hangul's list of pairs). */
export type Particle = Parameters<typeof hangulJosa.pick>[1];

/** Letter names as Korean reads them (아이피, 디엔에스, 에스큐엘). */
const LETTER: Record<string, string> = {
  a: '에이',
  b: '비',
  c: '시',
  d: '디',
  e: '이',
  f: '에프',
  g: '지',
  h: '에이치',
  i: '아이',
  j: '제이',
  k: '케이',
  l: '엘',
  m: '엠',
  n: '엔',
  o: '오',
  p: '피',
  q: '큐',
  r: '알',
  s: '에스',
  t: '티',
  u: '유',
  v: '브이',
  w: '더블유',
  x: '엑스',
  y: '와이',
  z: '제트',
};

/** Digits read in English, as a version is (IPv6 아이피브이식스, v1 브이원). */
const ENGLISH_DIGIT = ['제로', '원', '투', '스리', '포', '파이브', '식스', '세븐', '에이트', '나인'];

/** Syllables standing for how an English word's last sound is written in Hangul. */
const OPEN = '으'; // no final consonant: 파드, 서버, 에코, 엔진엑스
const ENDS_IN = { ng: '응', m: '음', n: '은', l: '을', p: '읍', k: '윽' } as const;

/** How the last sound of an English word is written: web 웹, zone 존, stack 스택, frontend 프런트엔드. */
function englishEnding(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('ng')) return ENDS_IN.ng;
  if (w.endsWith('ck')) return ENDS_IN.k; // stack 스택, back 백 (network 네트워크, link 링크 stay open)
  if (/[aeiou]ne$/.test(w)) return ENDS_IN.n; // zone 존, none 논, line 라인
  if (/[aeiou]me$/.test(w)) return ENDS_IN.m; // name 네임, time 타임
  if (/[^aeiou]le$/.test(w)) return ENDS_IN.l; // single 싱글, table 테이블
  if (/[aeiou]pe$/.test(w)) return ENDS_IN.p; // type 타입
  const last = w[w.length - 1];
  if (last === 'm') return ENDS_IN.m;
  if (last === 'n') return ENDS_IN.n;
  if (last === 'l') return ENDS_IN.l;
  // A short vowel before b/p closes the syllable (web 웹, app 앱, shop 숍); after a long one or a
  // consonant it is its own syllable (kube 큐브, help 헬프).
  if ((last === 'b' || last === 'p') && /(^|[^aeiou])[aeiou]{1}[bp]{1,2}$/.test(w)) return ENDS_IN.p;
  return OPEN;
}

/** The Hangul reading of the end of a value, enough to choose its particle. */
export function readingOfEnd(value: string): string {
  const trimmed = value.replace(/[\s"'`)\]}>.,:;/*]+$/u, '');
  const last = trimmed[trimmed.length - 1];
  if (last === undefined) return OPEN;
  if (/[\uac00-\ud7a3]/.test(last)) return last;
  const token = /[A-Za-z0-9]+$/.exec(trimmed)?.[0];
  if (!token) return OPEN;
  const digits = /[0-9]+$/.exec(token)?.[0];
  if (digits) {
    const before = token[token.length - digits.length - 1];
    if (before === 'v' || before === 'V') return ENGLISH_DIGIT[Number(digits.slice(-1))] ?? OPEN;
    // Beyond what a number is read as (16 digits), the last digit is what is heard.
    const n = Number(digits.length > 15 ? digits.slice(-1) : digits);
    return numberToHangul(n) || '영';
  }
  // An acronym (IP, ClusterIP, DNS) or a word with no vowel (dns, tcp, http) is read letter by letter.
  const upperTail = /[A-Z]+$/.exec(token)?.[0] ?? '';
  if (upperTail.length >= 2 || (upperTail.length === 1 && token.length > 1) || !/[aeiouy]/i.test(token))
    return LETTER[token.slice(-1).toLowerCase()] ?? OPEN;
  if (token.length === 1) return LETTER[token.toLowerCase()] ?? OPEN;
  return englishEnding(token);
}

/** `word` followed by the form of `particle` its reading takes: `josa('web', '이/가')` is 'web이'. */
export function josa(word: string | number, particle: Particle): string {
  const text = String(word);
  return text + hangulJosa.pick(readingOfEnd(text), particle);
}

/** Only the particle, for a word already written: `${a}·${b}${pick(b, '을/를')}`. */
export function pick(word: string | number, particle: Particle): string {
  return hangulJosa.pick(readingOfEnd(String(word)), particle);
}
