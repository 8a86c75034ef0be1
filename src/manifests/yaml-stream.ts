import { Composer, CST, Lexer, Parser, type Document, type LineCounter } from 'yaml';

/** Thrown when flow collections ([...] and {...}) nest deeper than allowed. */
export class NestingTooDeep extends Error {
  constructor(readonly offset: number) {
    super('flow collections nest too deeply');
  }
}

/**
 * Every document of a YAML stream, as `parseAllDocuments` gives them (with `lineCounter` filled
 * in), but refusing flow collections nested deeper than `maxFlowDepth` as soon as the lexer meets
 * one. The parser's time and memory grow steeply with nesting (1 MiB of '[' takes half a minute
 * and over 600 MB), so depth is checked on the lexemes, before the parser builds anything.
 * Block nesting needs no check: it costs indentation, so a size-limited file cannot go deep.
 */
export function parseYamlStream(
  text: string,
  lineCounter: LineCounter,
  maxFlowDepth: number,
): Document.Parsed[] {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  function* tokens(): Generator<CST.Token> {
    // What Parser.parse does before the first lexeme: the first line starts at 0.
    lineCounter.addNewLine(0);
    let depth = 0;
    let scalarNext = false;
    for (const lexeme of new Lexer().lex(text)) {
      if (!scalarNext) {
        if (lexeme === '[' || lexeme === '{') {
          depth += 1;
          if (depth > maxFlowDepth) throw new NestingTooDeep(parser.offset);
        } else if ((lexeme === ']' || lexeme === '}') && depth > 0) depth -= 1;
      }
      // After the scalar marker comes the scalar's own text, never an indicator.
      scalarNext = lexeme === CST.SCALAR;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  return Array.from(composer.compose(tokens()));
}
