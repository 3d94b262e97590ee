type InputClass = abstract new (...args: never[]) => object;

const marked = new WeakSet<object>();
const markedOrInherited = new WeakMap<object, boolean>();

/**
 * Marks an input class whose validity and transformed instance follow from its own flat values
 * alone (no nested objects, no validator that reads a database or the clock), so the validation
 * pipe may remember valid ones: a page of 20 is checked once, not on every request. Subclasses
 * inherit the mark; a subclass must keep to the same rule.
 */
export function RememberValid(): ClassDecorator {
  return (target) => {
    marked.add(target);
  };
}

function isRemembered(metatype: object): boolean {
  let known = markedOrInherited.get(metatype);
  if (known === undefined) {
    known = false;
    for (
      let c: object | null = metatype;
      c && c !== Function.prototype;
      c = Object.getPrototypeOf(c)
    ) {
      if (marked.has(c)) known = true;
    }
    markedOrInherited.set(metatype, known);
  }
  return known;
}

const MAX_KEY_LENGTH = 512;
const copyOf = (instance: object): object =>
  Object.assign(Object.create(Object.getPrototypeOf(instance) as object) as object, instance);
const isFlat = (value: object) =>
  Object.values(value).every((v) => v === null || typeof v !== 'object');

/**
 * Valid transformed instances of marked classes by their input's JSON, at most `limit` per
 * class (oldest forgotten first). A hit answers a fresh shallow copy, so a handler that changes
 * its arguments changes only its own.
 */
export class RememberedValidInputs {
  private readonly byClass = new WeakMap<object, Map<string, object>>();

  constructor(private readonly limit = 256) {}

  /** The remembering key of `value` for `metatype`, or undefined when it cannot be remembered. */
  keyOf(value: unknown, metatype: unknown): string | undefined {
    if (typeof metatype !== 'function' || !isRemembered(metatype)) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!isFlat(value)) return undefined;
    const key = JSON.stringify(value);
    return key.length <= MAX_KEY_LENGTH ? key : undefined;
  }

  /** Whether this input was found valid before (no copy: for callers that only check). */
  knows(metatype: InputClass, key: string): boolean {
    return this.byClass.get(metatype)?.has(key) ?? false;
  }

  recall(metatype: InputClass, key: string): object | undefined {
    const known = this.byClass.get(metatype)?.get(key);
    return known && copyOf(known);
  }

  remember(metatype: InputClass, key: string, instance: unknown): void {
    if (typeof instance !== 'object' || instance === null || !isFlat(instance)) return;
    let known = this.byClass.get(metatype);
    if (!known) this.byClass.set(metatype, (known = new Map()));
    if (known.size >= this.limit) known.delete(known.keys().next().value!);
    known.set(key, copyOf(instance));
  }
}
