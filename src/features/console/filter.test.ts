import { describe, expect, it } from 'vitest';
import { filterOutput } from './filter';

describe('filterOutput', () => {
  const table = [
    'NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE',
    'kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP   1d',
    'web          ClusterIP   10.111.139.248  <none>        80/TCP    1d',
    '',
  ].join('\n');

  it('keeps matching lines and the table header', () => {
    expect(filterOutput(table, 'WEB')).toBe(`${table.split('\n')[0]}\n${table.split('\n')[2]}\n`);
  });
  it('keeps no header for text that is not a table, and nothing when nothing matches', () => {
    expect(filterOutput('*nat\n-A KUBE-SERVICES -d 10.96.0.10/32\nCOMMIT\n', 'kube-serv')).toBe(
      '-A KUBE-SERVICES -d 10.96.0.10/32\n',
    );
    expect(filterOutput('a\nb\n', 'zzz')).toBe('');
  });
  it('an empty filter keeps everything', () => {
    expect(filterOutput(table, '  ')).toBe(table);
  });
});
