import { UsageError } from './flags.js';

/** What a stand-in command sees of the world, so tests can run it in-process. */
export interface StandinIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo = (): StandinIo => ({
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

/** Runs a stand-in's main and turns errors into the tool's exit code and message style. */
export async function runStandin(
  main: (args: string[], io: StandinIo) => Promise<number>,
  formatError: (error: unknown) => string,
): Promise<void> {
  const io = processIo();
  let code: number;
  try {
    code = await main(process.argv.slice(2), io);
  } catch (error) {
    io.stderr(formatError(error));
    code = 1;
  }
  process.exitCode = code;
}

export const isUsageError = (error: unknown): error is UsageError => error instanceof UsageError;
