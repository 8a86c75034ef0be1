/**
 * Leading `NAME=value` words are environment assignments, as with env(1): npm runs scripts through
 * sh, and dash drops variables whose names contain a dash (INPUT_DRY-RUN) from the environment.
 */
export function splitAssignments(words: string[]): {
  assignments: Record<string, string>;
  command: string[];
} {
  const assignments: Record<string, string> = {};
  let at = 0;
  for (; at < words.length; at++) {
    const match = /^([A-Za-z_][\w-]*)=(.*)$/s.exec(words[at] as string);
    if (!match) break;
    assignments[match[1] as string] = match[2] as string;
  }
  return { assignments, command: words.slice(at) };
}
