import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { HygienicValidationPipe } from './hygienic-validation.pipe';
import { RememberValid } from './remembered-valid-inputs';

@RememberValid()
class PageArgs {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number = 20;

  half(): number {
    return (this.first ?? 0) / 2;
  }
}

class NamedPageArgs extends PageArgs {
  @IsOptional()
  @IsString()
  name?: string;
}

class Unmarked {
  @IsInt()
  first!: number;
}

describe('HygienicValidationPipe remembering valid inputs', () => {
  const checks = jest.spyOn(ValidationPipe.prototype, 'transform');
  let pipe: HygienicValidationPipe;
  beforeEach(() => {
    pipe = new HygienicValidationPipe();
    checks.mockClear();
  });
  const run = (value: unknown, metatype: new () => object, type: 'query' | 'body' = 'query') =>
    pipe.transform(value, { type, metatype });

  it('checks a marked class once per distinct input and answers fresh instances', async () => {
    const a = (await run({ first: '10' }, PageArgs)) as PageArgs;
    const b = (await run({ first: '10' }, PageArgs)) as PageArgs;
    expect(checks).toHaveBeenCalledTimes(1);
    expect(a).toBeInstanceOf(PageArgs);
    expect(b).toBeInstanceOf(PageArgs);
    expect(b).toEqual(a);
    expect(b.half()).toBe(5);
    expect(b).not.toBe(a);
    b.first = 99;
    expect(((await run({ first: '10' }, PageArgs)) as PageArgs).first).toBe(10);

    await run({ first: '11' }, PageArgs);
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('never remembers an invalid input', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(run({ first: '500' }, PageArgs)).rejects.toThrow();
      await expect(run({ first: '5', extra: 1 }, PageArgs)).rejects.toThrow();
    }
    expect(checks).toHaveBeenCalledTimes(6);
  });

  it('keeps the text scan: unstorable text is refused before any remembering', async () => {
    await expect(run({ first: '5', name: 'a\u0000b' }, NamedPageArgs)).rejects.toThrow(/name/);
    await expect(run({ first: '5', name: 'a\u0000b' }, NamedPageArgs)).rejects.toThrow(/name/);
  });

  it('applies to subclasses, not to unmarked classes or nested input', async () => {
    await run({ name: 'x' }, NamedPageArgs);
    await run({ name: 'x' }, NamedPageArgs);
    expect(checks).toHaveBeenCalledTimes(1);

    checks.mockClear();
    await run({ first: 3 }, Unmarked, 'body');
    await run({ first: 3 }, Unmarked, 'body');
    expect(checks).toHaveBeenCalledTimes(2);

    checks.mockClear();
    await expect(run({ first: { $gt: 1 } }, PageArgs)).rejects.toThrow();
    await expect(run({ first: { $gt: 1 } }, PageArgs)).rejects.toThrow();
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('forgets the oldest input past its bound of 256 per class, and still answers', async () => {
    for (let first = 1; first <= 100; first++) await run({ first: String(first) }, PageArgs);
    for (const name of ['n', 'm', 'o']) {
      for (let first = 1; first <= 100; first++) {
        await run({ first: String(first), name }, NamedPageArgs);
      }
    }
    checks.mockClear();
    // PageArgs keeps its 100; NamedPageArgs kept its newest 256 of 300.
    expect(((await run({ first: '1' }, PageArgs)) as PageArgs).first).toBe(1);
    await run({ first: '100', name: 'o' }, NamedPageArgs);
    expect(checks).not.toHaveBeenCalled();
    const forgotten = (await run({ first: '1', name: 'n' }, NamedPageArgs)) as NamedPageArgs;
    expect(checks).toHaveBeenCalledTimes(1);
    expect(forgotten).toMatchObject({ first: 1, name: 'n' });
  });
});
