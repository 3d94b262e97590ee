import type { ExecutionContext } from '@nestjs/common';
import { PerHandler } from './per-handler';

class Controller {
  list() {}
  get() {}
}
class AdminController extends Controller {}

const contextOf = (classRef: object, handler: object) =>
  ({ getClass: () => classRef, getHandler: () => handler }) as unknown as ExecutionContext;

describe('PerHandler', () => {
  it('works a handler out once and answers later requests from memory', () => {
    const workOut = jest.fn(
      (context: ExecutionContext) => context.getHandler() === Controller.prototype.list,
    );
    const isList = new PerHandler(workOut);

    expect(isList.of(contextOf(Controller, Controller.prototype.list))).toBe(true);
    expect(isList.of(contextOf(Controller, Controller.prototype.list))).toBe(true);
    expect(isList.of(contextOf(Controller, Controller.prototype.get))).toBe(false);
    expect(isList.of(contextOf(Controller, Controller.prototype.get))).toBe(false);
    expect(workOut).toHaveBeenCalledTimes(2);
  });

  it('remembers an undefined answer too', () => {
    const workOut = jest.fn((): string[] | undefined => undefined);
    const roles = new PerHandler(workOut);

    roles.of(contextOf(Controller, Controller.prototype.get));
    roles.of(contextOf(Controller, Controller.prototype.get));
    expect(workOut).toHaveBeenCalledTimes(1);
  });

  it('keeps an inherited handler apart per class, since class metadata can differ', () => {
    const workOut = jest.fn((context: ExecutionContext) => context.getClass() === AdminController);
    const adminOnly = new PerHandler(workOut);

    expect(adminOnly.of(contextOf(Controller, Controller.prototype.get))).toBe(false);
    expect(adminOnly.of(contextOf(AdminController, AdminController.prototype.get))).toBe(true);
    expect(workOut).toHaveBeenCalledTimes(2);
  });
});
