/**
 * Words that are properties of every JavaScript object (`constructor`, `toString`, `__proto__`) are
 * user input like any other: unknown commands, programs, files and resource types, never a lookup hit.
 * And the interpreter's output is terminal-safe whatever the YAML holds.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const s = scene(`apiVersion: v1
kind: Pod
metadata:
  name: client
  annotations:
    svclab.io/listen: "\\e]0;pwned\\a\\e[2J"
spec: { containers: [{ name: c, image: busybox }] }
`);

const PROPS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('command lookup by own properties only', () => {
  it.each(PROPS)('"%s" as a command is a usage error (exit 2)', (name) => {
    expect(s.run(name)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `svclab: unknown command "${name}"\nSee 'svclab --help'.\n`,
    });
  });

  it.each(PROPS)(
    '"%s" as a program in a pod is not found in $PATH, as the container runtime says',
    (name) => {
      const r = s.run(`exec client -- ${name}`);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`exec: "${name}": executable file not found in $PATH: unknown`);
      expect(r.stderr).not.toContain('internal error');
    },
  );

  it.each(PROPS)('"%s" as a resource type of exec is unknown to the server', (name) => {
    expect(s.run(`exec ${name}/x -- env`)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `error: the server doesn't have a resource type "${name}"\n`,
    });
  });

  it.each(PROPS)('"%s" as a file is not there; -o json keeps it as an own key', (name) => {
    const r = s.run(`exec client -- cat ${name}`);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: `cat: ${name}: No such file or directory\n` });
    const j = s.json(`exec client -- cat /etc/hostname ${name} -o json`);
    expect(Object.keys(j.files)).toEqual(['/etc/hostname']);
  });

  it.each(PROPS)('"%s" as a get resource, node command and curl source is a clear refusal', (name) => {
    for (const line of [`get ${name}`, `node node-1 -- ${name}`, `curl --from ${name} http://x/`]) {
      const r = s.run(line);
      expect(r.exitCode, line).not.toBe(0);
      expect(r.stderr, line).not.toMatch(/internal error/i);
    }
  });
});

describe('terminal-safe output', () => {
  it('the svclab.io/listen lint shows the annotation with its escape sequences written out', () => {
    const r = s.run('validate');
    expect(r.stderr).toContain('svclab.io/listen: ^[]0;pwned^G^[[2J: expected');
    // eslint-disable-next-line no-control-regex
    expect(r.stderr + r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('-o json still parses to the annotation as written', () => {
    const j = s.json('get pods client -o json');
    expect(j.items[0].metadata.annotations['svclab.io/listen']).toBe('\u001b]0;pwned\u0007\u001b[2J');
  });
});
