/**
 * Escaping for untrusted text (PR-controlled or response-controlled) placed in GitHub Markdown.
 * Pure functions; every renderer goes through these, never through raw interpolation.
 */

const ZERO_WIDTH_JOINER = '\u200d';

/** C0/C1 controls (except tab and newline) and bidirectional overrides (visual spoofing). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters that Markdown or HTML could interpret, written as numeric character references.
 * GFM treats references as literal text, they never split table cells, and they work the same
 * inside HTML blocks such as <details>.
 */
const MARKDOWN_SPECIAL = /[&<>"'`|\\*_[\](){}#!~+=:$^]/g;

/** Removes control characters and bidi overrides; normalises line endings. */
export function stripUnsafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARACTERS, '');
}

/**
 * Keeps `@user`, `@org/team`, `#123` and `GH-123` from pinging people or cross-linking issues:
 * GitHub resolves them on the rendered text, so entities alone do not help; a zero-width
 * joiner after the sigil does.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/([@#])(?=[\p{L}\p{N}_-])/gu, `$1${ZERO_WIDTH_JOINER}`)
    .replace(/\b(GH)(?=-\d)/gi, `$1${ZERO_WIDTH_JOINER}`);
}

/** Shortens to at most `max` code points, marking the cut. */
export function truncate(text: string, max: number): string {
  // UTF-16 length bounds the code point count from above, and twice the code points from below.
  if (text.length <= max) return text;
  const head = Array.from(text.slice(0, 2 * max + 2));
  if (head.length <= max) return text;
  return `${head.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Cleans and shortens untrusted text, looking only at a bounded prefix of huge inputs. */
function clean(text: string, max: number): string {
  const limit = 4 * max + 64;
  const cut = text.length > limit;
  const result = truncate(stripUnsafe(cut ? text.slice(0, limit) : text), max);
  return cut && !result.endsWith('…') ? `${result}…` : result;
}

/** Untrusted text as inline Markdown: literal, one line, no mentions, no markup. */
export function escapeInline(text: string, maxLength = 500): string {
  const flat = clean(text, maxLength).replace(/\s*\n\s*/g, ' ');
  // Mentions first: the references written below contain `#` themselves.
  // `www.` and `scheme://` autolinks need a literal `.`/`:` after the word; break those too.
  return neutraliseMentions(flat)
    .replace(MARKDOWN_SPECIAL, (c) => `&#${c.codePointAt(0)};`)
    .replace(/\b(www)\./gi, '$1&#46;');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * Untrusted text as a code span: shown verbatim, fenced by more backticks than any run inside.
 * `inTable` also escapes `|`, which GFM splits cells on even inside code spans.
 */
export function codeSpan(
  text: string,
  options: { inTable?: boolean; maxLength?: number } = {},
): string {
  let content = clean(text, options.maxLength ?? 300).replace(/\s*\n\s*/g, ' ');
  if (options.inTable) content = content.replace(/\|/g, '\\|');
  if (content.trim() === '') return content === '' ? '` `' : '`' + content + '`';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  // A space on each side lets content start or end with a backtick; GFM strips one of each.
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** Untrusted, possibly multi-line text as a fenced code block that it cannot close early. */
export function codeBlock(
  text: string,
  options: { language?: string; maxLength?: number } = {},
): string {
  const content = clean(text, options.maxLength ?? 4000).replace(/\n+$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${fence}${options.language ?? ''}\n${content}\n${fence}`;
}

/** A Markdown table; cells must already be escaped (escapeInline / codeSpan with inTable). */
export function table(header: string[], rows: string[][], align?: ('l' | 'r' | 'c')[]): string {
  const rule = header.map((_, i) => {
    const a = align?.[i] ?? 'l';
    return a === 'r' ? '--:' : a === 'c' ? ':-:' : '---';
  });
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

/** A collapsed block; the blank lines let GitHub render Markdown inside it. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A commit SHA as a link to the commit page, or as plain code when it is not a SHA. */
export function commitLink(serverUrl: string, repository: string, sha: string | undefined): string {
  if (!sha) return '_unknown_';
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return codeSpan(sha, { maxLength: 64 });
  return `[\`${sha.slice(0, 7)}\`](${repositoryUrl(serverUrl, repository)}/commit/${sha})`;
}

/** `<server>/<owner>/<repo>`, with each path segment URL-encoded. */
export function repositoryUrl(serverUrl: string, repository: string): string {
  const path = repository
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${serverUrl.replace(/\/+$/, '')}/${path}`;
}

/** Quotes one shell word for a copy-paste command (POSIX sh). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9._:/=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
