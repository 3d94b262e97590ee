import {
  ArgumentNode,
  BREAK,
  DocumentNode,
  getNullableType,
  GraphQLInputType,
  GraphQLSchema,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  parseType,
  TypeInfo,
  ValueNode,
  valueFromAST,
  VariableDefinitionNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { createHash } from 'node:crypto';

/** Scalars whose literal and variable forms coerce to the same value (parseLiteral ≡ parseValue). */
const HOISTED_SCALARS = new Set(['Int', 'Float', 'String', 'ID']);
/** Names of the variables literals become; a document defining one of its own is left alone. */
const PREFIX = '__literal';
// NUL cannot occur in a GraphQL document, so a masked span never equals real text.
const MASK = '\u0000';

export interface HoistedLiterals {
  /**
   * Documents with one key differ only in the text of these literals, each of the same length,
   * so every location (and so every error's) is the same in all of them.
   */
  key: string;
  /** This document's literals as variable values, by the names `withVariables` gives them. */
  values: Record<string, unknown>;
  /** The document with each of these literals replaced by a variable (locations kept). */
  withVariables: () => DocumentNode;
}

interface Literal {
  node: ValueNode;
  type: GraphQLInputType;
  value: unknown;
}

/**
 * The field arguments of `document` written as one-line number or string literals of the
 * built-in scalars (`feed(userId: 7)`, `allPosts(first: 20)`), or undefined when it has none
 * (or defines a `__literal…` variable itself). The brief's feed query inlines the user id, so
 * each reader sends another document; with the literals as variables they share one plan.
 * Run on a document that passed validation.
 */
export function hoistLiterals(
  schema: GraphQLSchema,
  document: DocumentNode,
): HoistedLiterals | undefined {
  const source = document.loc?.source.body;
  if (source === undefined || definesOwnLiteralVariable(document)) return undefined;
  const literals = fieldArgumentLiterals(schema, document);
  if (!literals || literals.length === 0) return undefined;
  const names = new Map(literals.map((l, i) => [l.node, `${PREFIX}${i}`]));
  return {
    key: maskedKey(source, literals),
    values: Object.fromEntries(literals.map((l, i) => [`${PREFIX}${i}`, l.value])),
    withVariables: () => withVariables(document, literals, names),
  };
}

function definesOwnLiteralVariable(document: DocumentNode): boolean {
  return document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (d.variableDefinitions ?? []).some((v) => v.variable.name.value.startsWith(PREFIX)),
  );
}

/** undefined when a literal cannot be read as its argument's type (left to graphql-js). */
function fieldArgumentLiterals(schema: GraphQLSchema, document: DocumentNode) {
  const typeInfo = new TypeInfo(schema);
  const literals: Literal[] = [];
  let unreadable = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node: ArgumentNode) {
        const argument = typeInfo.getArgument();
        // Directive arguments (`@include(if:)`) stay in the key.
        if (!argument || typeInfo.getDirective() || !isHoistable(node.value, argument.type)) {
          return;
        }
        const value = valueFromAST(node.value, argument.type);
        if (value === undefined) {
          unreadable = true;
          return BREAK;
        }
        literals.push({ node: node.value, type: argument.type, value });
      },
    }),
  );
  return unreadable ? undefined : literals;
}

function isHoistable(value: ValueNode, type: GraphQLInputType): boolean {
  const scalar = getNullableType(type);
  const literal =
    value.kind === Kind.INT ||
    value.kind === Kind.FLOAT ||
    // A block string may span lines: its length alone would not fix later locations.
    (value.kind === Kind.STRING && !value.block);
  return literal && isScalarType(scalar) && HOISTED_SCALARS.has(scalar.name) && !!value.loc;
}

/** `literals` in the order `visit` met them, which is their order in the source. */
function maskedKey(source: string, literals: Literal[]): string {
  const hash = createHash('sha256');
  let from = 0;
  for (const { node } of literals) {
    const { start, end } = node.loc!;
    hash.update(source.slice(from, start)).update(MASK.repeat(end - start));
    from = end;
  }
  return hash.update(source.slice(from)).digest('base64');
}

function withVariables(
  document: DocumentNode,
  literals: Literal[],
  names: Map<ValueNode, string>,
): DocumentNode {
  const definitions: VariableDefinitionNode[] = literals.map((l, i) => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: `${PREFIX}${i}` } },
    type: parseType(String(l.type), { noLocation: true }),
  }));
  return visit(document, {
    Argument(node: ArgumentNode) {
      const name = names.get(node.value);
      if (name === undefined) return undefined;
      return {
        ...node,
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name }, loc: node.value.loc },
      };
    },
    OperationDefinition: {
      leave: (operation: OperationDefinitionNode) => ({
        ...operation,
        variableDefinitions: [...(operation.variableDefinitions ?? []), ...definitions],
      }),
    },
  });
}
