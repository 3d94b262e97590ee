// pg's own value serializer for Bind messages (pg/lib/utils), used by ShapeRememberingQuery.
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): unknown;
}
