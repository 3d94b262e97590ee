import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { DocumentNode, execute, ExecutionResult, GraphQLSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { HoistedLiterals, hoistLiterals } from './hoisted-literals';

interface DocumentPlans {
  uses: number;
  // Per operation name (null: the document's only operation); null when graphql-jit refused it.
  compiled: Map<string | null, CompiledQuery | null>;
}

/** Plans shared by documents differing only in literals (hoisted-literals.ts), at most this many. */
const MAX_SHARED_PLANS = 1_000;

/**
 * Executes operations with graphql-jit: each document Apollo has parsed and validated is
 * compiled once into a function that walks the selection without graphql-js's per-field
 * dispatch (argument maps, completion by type, promise bookkeeping). Keyed by the DocumentNode
 * Apollo keeps in its document store, so an evicted document's plan goes with it.
 *
 * graphql-js still executes:
 * - a plan's uses before the n-th (GRAPHQL_COMPILE_AFTER_USES; 0 = never compile):
 *   compiling costs ~0.5 ms and fresh generated code runs slowly until V8 optimizes it, so
 *   plans few requests share would lose;
 * - a document graphql-jit cannot compile;
 * - a request whose variables the compiled plan refuses, so that the error keeps graphql-js's
 *   wording and Apollo's 400 for bad variables.
 *
 * Documents that differ only in literal field arguments (the brief's feed query inlines the user
 * id: `feed(userId: 7)`, `feed(userId: 8)`) share one plan, compiled with those literals as
 * variables, and count their uses together.
 */
export class CompiledExecutor {
  private readonly plans = new WeakMap<DocumentNode, DocumentPlans>();
  // null: the document has no literal to hoist, and keeps a plan of its own.
  private readonly hoisted = new WeakMap<DocumentNode, HoistedLiterals | null>();
  // Insertion-ordered: the oldest key is forgotten first.
  private readonly sharedPlans = new Map<string, DocumentPlans>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly compileOnUse: number,
  ) {}

  execute(
    document: DocumentNode,
    operationName: string | null,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult> | ExecutionResult {
    const hoisted = this.hoistedFor(document);
    const compiled = hoisted
      ? this.sharedPlanFor(hoisted, operationName)
      : this.compiledFor(document, operationName);
    if (!compiled) return this.interpret(document, operationName, contextValue, variableValues);
    const variables = hoisted ? { ...variableValues, ...hoisted.values } : (variableValues ?? {});
    const result = compiled.query(undefined, contextValue, variables);
    return isPromise(result)
      ? result.then((r) =>
          this.orInterpreted(r, document, operationName, contextValue, variableValues),
        )
      : this.orInterpreted(result, document, operationName, contextValue, variableValues);
  }

  private hoistedFor(document: DocumentNode): HoistedLiterals | undefined {
    if (this.compileOnUse === 0) return undefined;
    let hoisted = this.hoisted.get(document);
    if (hoisted === undefined) {
      hoisted = hoistLiterals(this.schema, document) ?? null;
      this.hoisted.set(document, hoisted);
    }
    return hoisted ?? undefined;
  }

  private sharedPlanFor(hoisted: HoistedLiterals, operationName: string | null) {
    let plans = this.sharedPlans.get(hoisted.key);
    if (!plans) {
      if (this.sharedPlans.size >= MAX_SHARED_PLANS) {
        this.sharedPlans.delete(this.sharedPlans.keys().next().value!);
      }
      this.sharedPlans.set(hoisted.key, (plans = { uses: 0, compiled: new Map() }));
    }
    return this.planOf(plans, operationName, () => hoisted.withVariables());
  }

  private compiledFor(document: DocumentNode, operationName: string | null) {
    if (this.compileOnUse === 0) return undefined;
    let plans = this.plans.get(document);
    if (!plans) this.plans.set(document, (plans = { uses: 0, compiled: new Map() }));
    return this.planOf(plans, operationName, () => document);
  }

  private planOf(
    plans: DocumentPlans,
    operationName: string | null,
    document: () => DocumentNode,
  ): CompiledQuery | undefined {
    const known = plans.compiled.get(operationName);
    if (known !== undefined) return known ?? undefined;
    if (++plans.uses < this.compileOnUse) return undefined;
    const compiled = compileQuery(this.schema, document(), operationName ?? undefined, {
      // Apollo formats errors itself and never shows stacks.
      disablingCapturingStackErrors: true,
    });
    // A refusal is remembered too: the document stays on graphql-js without a retry per request.
    const plan = isCompiledQuery(compiled) ? compiled : null;
    plans.compiled.set(operationName, plan);
    return plan ?? undefined;
  }

  /**
   * A compiled run without `data` refused the variables before executing anything (so a
   * mutation never runs twice): graphql-js words that error.
   */
  private orInterpreted(
    result: ExecutionResult,
    document: DocumentNode,
    operationName: string | null,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
  ) {
    return 'data' in result
      ? result
      : this.interpret(document, operationName, contextValue, variableValues);
  }

  private interpret(
    document: DocumentNode,
    operationName: string | null,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
  ) {
    return execute({ schema: this.schema, document, operationName, contextValue, variableValues });
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/**
 * Apollo Server's only executor hook is its gateway interface: a "gateway" that serves the
 * schema Nest built and executes with CompiledExecutor. Parsing, validation, the query-limit
 * plugins, error formatting and HTTP status stay Apollo's.
 */
export function compiledExecutorGateway(
  schema: () => GraphQLSchema,
  compileOnUse: number,
): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema(), coreSupergraphSdl: '' });
      return () => undefined;
    },
    load() {
      const executor = new CompiledExecutor(schema(), compileOnUse);
      const run: GatewayExecutor = (ctx: GatewayGraphQLRequestContext) =>
        Promise.resolve(
          executor.execute(
            ctx.document,
            ctx.operationName,
            ctx.context,
            ctx.request.variables as Record<string, unknown> | undefined,
          ),
        );
      return Promise.resolve({ executor: run });
    },
    stop: () => Promise.resolve(),
  };
}
