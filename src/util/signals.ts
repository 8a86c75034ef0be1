/**
 * Runs `onCancel` once when the process gets SIGINT or SIGTERM (a cancelled main
 * step), then exits with the conventional code (130/143). The post step cleans up
 * too; cleanup is idempotent, so both may run. Returns a function that unregisters.
 */
export function onCancellation(
  onCancel: (signal: NodeJS.Signals) => Promise<unknown>,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  let started = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    const code = signal === 'SIGINT' ? 130 : 143;
    onCancel(signal).then(
      () => exit(code),
      () => exit(code),
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
