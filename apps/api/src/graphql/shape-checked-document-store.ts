import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, KeyValueCache } from '@apollo/utils.keyvaluecache';
import {
  DocumentNode,
  GraphQLSchema,
  OverlappingFieldsCanBeMergedRule,
  parse,
  ParseOptions,
  TokenKind,
  validate,
  ValuesOfCorrectTypeRule,
} from 'graphql';

/** Number and string literals: their text is what documents of one shape may differ in. */
const BLANKED: ReadonlyMap<string, string> = new Map([
  // '<' can start no GraphQL name or punctuator, so a blank never equals another token.
  [TokenKind.INT, '<int>'],
  [TokenKind.FLOAT, '<float>'],
  [TokenKind.STRING, '<string>'],
  [TokenKind.BLOCK_STRING, '<block string>'],
]);

/**
 * The rules whose verdict depends on a literal's text: a literal of the right kind can still be
 * out of range (`first: 99999999999`) or refused by a scalar, and two fields with one response
 * name must have equal arguments. Every other rule (Apollo's, graphql-js's and our limits) reads
 * only what a shape keeps: names, punctuation, variables, enum values, booleans and nulls.
 */
const LITERAL_RULES = [ValuesOfCorrectTypeRule, OverlappingFieldsCanBeMergedRule];

const MAX_SHAPES = 1_000;
const MAX_PENDING_SOURCES = 1_000;

export type DocumentValidation = 'full' | 'shape';

/**
 * A document's shape: its tokens, comments left out, with number and string literals reduced to
 * their kind. `query { feed(userId: 7) { id } }` and `... userId: 12345 ...` share one.
 */
export function shapeOf(document: DocumentNode): string | undefined {
  const parts: string[] = [];
  for (let token = document.loc?.startToken ?? null; token; token = token.next) {
    if (token.kind === TokenKind.COMMENT) continue;
    parts.push(BLANKED.get(token.kind) ?? token.value ?? token.kind);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * Apollo's document store (parsed, validated documents by query hash), which also spares a new
 * document the full validation when a document of the same shape passed it: then only the
 * literal rules run. The brief's feed query inlines the user id, so every reader sends a new
 * document, and the full validation (~30 rules) cost ~0.6 ms of CPU each.
 *
 * Apollo looks a document up by `<schema hash>:<query hash>` only; the query text reaches the
 * store from the `didResolveSource` hook of `plugin()`, which Apollo awaits just before. Anything
 * not found valid by shape (unknown shape, syntax error, a literal rule failing) is left to
 * Apollo's own parse and full validation, so its errors and status codes are unchanged.
 */
export class ShapeCheckedDocumentStore implements KeyValueCache<DocumentNode> {
  private readonly documents = new InMemoryLRUCache<DocumentNode>();
  // Insertion-ordered: the oldest shape is forgotten first.
  private readonly validShapes = new Set<string>();
  // Query text by query hash, from didResolveSource until the lookup that follows it.
  private readonly pendingSources = new Map<string, string>();

  constructor(
    private readonly schema: () => GraphQLSchema,
    private readonly parseOptions: ParseOptions,
    private readonly counted: (validation: DocumentValidation) => void = () => undefined,
  ) {}

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: () =>
        Promise.resolve({
          didResolveSource: ({ queryHash, source }) => {
            if (this.pendingSources.size >= MAX_PENDING_SOURCES) this.pendingSources.clear();
            this.pendingSources.set(queryHash, source);
            return Promise.resolve();
          },
        }),
    };
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    const queryHash = key.slice(key.lastIndexOf(':') + 1);
    const source = this.pendingSources.get(queryHash);
    this.pendingSources.delete(queryHash);
    const known = await this.documents.get(key);
    if (known || source === undefined) return known;
    const document = this.validByShape(source);
    if (document) {
      this.counted('shape');
      await this.documents.set(key, document);
    }
    return document;
  }

  /** Apollo stores a document after its full validation passed: its shape is valid from now on. */
  async set(key: string, document: DocumentNode): Promise<void> {
    this.counted('full');
    const shape = shapeOf(document);
    if (shape !== undefined && !this.validShapes.has(shape)) {
      if (this.validShapes.size >= MAX_SHAPES) {
        this.validShapes.delete(this.validShapes.values().next().value!);
      }
      this.validShapes.add(shape);
    }
    await this.documents.set(key, document);
  }

  delete(key: string): Promise<boolean | void> {
    return this.documents.delete(key);
  }

  private validByShape(source: string): DocumentNode | undefined {
    let document: DocumentNode;
    try {
      document = parse(source, this.parseOptions);
    } catch {
      return undefined; // Apollo parses again and answers the syntax error
    }
    const shape = shapeOf(document);
    if (shape === undefined || !this.validShapes.has(shape)) return undefined;
    return validate(this.schema(), document, LITERAL_RULES).length === 0 ? document : undefined;
  }
}
