/** The `svclab` CLI entry: argument parsing → the engine's command interpreter. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write('usage: svclab <command> [-f FILE]… [--seed N] [-o json]\n');
    return argv.length === 0 ? 2 : 0;
  }
  process.stderr.write(`svclab: unknown command "${argv[0]}"\nSee 'svclab --help'.\n`);
  return 2;
}
