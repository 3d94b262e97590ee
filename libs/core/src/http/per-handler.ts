import type { ExecutionContext } from '@nestjs/common';

/**
 * A value worked out from a handler's metadata once per (controller or resolver class, handler)
 * and reused by every later request: decorators are applied at boot and never change after, so
 * a guard need not walk reflect-metadata's prototype chain on each call. Keyed by class as well
 * as handler, since an inherited handler can sit under classes with different metadata.
 */
export class PerHandler<T> {
  private readonly byClass = new WeakMap<object, Map<object, T>>();

  constructor(private readonly workOut: (context: ExecutionContext) => T) {}

  of(context: ExecutionContext): T {
    const classRef = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.byClass.get(classRef);
    if (!byHandler) this.byClass.set(classRef, (byHandler = new Map()));
    if (byHandler.has(handler)) return byHandler.get(handler) as T;
    const value = this.workOut(context);
    byHandler.set(handler, value);
    return value;
  }
}
