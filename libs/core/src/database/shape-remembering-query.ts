import { FieldDef, Query, QueryConfig, QueryResult, QueryResultRow } from 'pg';

type Parser = (text: string) => unknown;

/** The parts of pg 8's Result that `addFields` fills in (the spec checks them on this pg). */
interface ResultInternals {
  fields: FieldDef[];
  _types: object;
  _parsers: Parser[] | undefined;
  _prebuiltEmptyResultObject: Record<string, null> | null;
  addFields(fields: FieldDef[]): void;
}

/** What pg worked out from a statement's row description, to reuse while it is the same. */
interface RowShape {
  names: string[];
  typeIds: number[];
  formats: string[];
  parsers: Parser[];
  emptyRow: Record<string, null>;
}

// Per type registry (each pg client has its own TypeOverrides), per statement name.
const shapesByTypes = new WeakMap<object, Map<string, RowShape>>();

function describes(shape: RowShape, fields: FieldDef[]): boolean {
  if (shape.names.length !== fields.length) return false;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (
      field.name !== shape.names[i] ||
      field.dataTypeID !== shape.typeIds[i] ||
      field.format !== shape.formats[i]
    )
      return false;
  }
  return true;
}

/**
 * `Result#addFields` for a named statement: pg looks up a parser per column and builds the empty
 * row every execution (~3.7 µs for a 14-column row here); a statement's description only
 * changes with the schema, so its last one is reused while names, types and formats still match.
 */
function addRememberedFields(result: ResultInternals, statement: string, fields: FieldDef[]) {
  let shapes = shapesByTypes.get(result._types);
  if (!shapes) shapesByTypes.set(result._types, (shapes = new Map()));
  const known = shapes.get(statement);
  if (known && describes(known, fields)) {
    result.fields = fields;
    result._parsers = known.parsers;
    result._prebuiltEmptyResultObject = known.emptyRow;
    return;
  }
  Object.getPrototypeOf(result).addFields.call(result, fields);
  shapes.set(statement, {
    names: fields.map((f) => f.name),
    typeIds: fields.map((f) => f.dataTypeID),
    formats: fields.map((f) => f.format),
    parsers: result._parsers ?? [],
    emptyRow: result._prebuiltEmptyResultObject ?? {},
  });
}

/**
 * A named statement's query whose result reuses the row shape of its last execution (see
 * addRememberedFields). Rows are the same objects pg builds: parsed by the same parsers, from a
 * copy of the same empty row.
 */
export class ShapeRememberingQuery<T extends QueryResultRow> extends Query<T> {
  constructor(
    config: QueryConfig & { name: string },
    callback?: (err: Error | undefined, result: QueryResult<T>) => void,
  ) {
    super(config, callback as never);
    const result = (this as unknown as { _result: ResultInternals })._result;
    result.addFields = (fields) => addRememberedFields(result, config.name, fields);
  }
}
