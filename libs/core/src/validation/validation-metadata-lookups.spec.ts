import {
  getMetadataStorage,
  IsInt,
  IsString,
  Min,
  registerDecorator,
  validate,
} from 'class-validator';
import { rememberValidationMetadataLookups } from './validation-metadata-lookups';

class Base {
  @IsInt()
  @Min(1, { groups: ['strict'] })
  size: unknown;
}

class Child extends Base {
  @IsString()
  name: unknown;
}

const messagesOf = async (object: object, groups?: string[]) =>
  (await validate(object, { groups })).flatMap((e) => Object.values(e.constraints ?? {})).sort();

describe('rememberValidationMetadataLookups', () => {
  const storage = getMetadataStorage();
  const scanned = (groups?: string[]) =>
    storage.getTargetValidationMetadatas(Child, '', false, false, groups);
  const inputs = {
    small: () => Object.assign(new Child(), { size: 0, name: 7 }),
    wrongType: () => Object.assign(new Child(), { size: 'x', name: 'a' }),
  };
  // class-validator's own answers, before the lookups are remembered.
  const before = { plain: scanned(), strict: scanned(['strict']) };
  const expected: Record<string, string[]> = {};

  beforeAll(async () => {
    expected.small = await messagesOf(inputs.small());
    expected.smallStrict = await messagesOf(inputs.small(), ['strict']);
    expected.wrongType = await messagesOf(inputs.wrongType());
    rememberValidationMetadataLookups(storage);
  });

  it('answers what the scan answered, inherited and grouped rules included, once per options', () => {
    expect(scanned()).toEqual(before.plain);
    expect(scanned(['strict'])).toEqual(before.strict);
    expect(scanned(['strict'])).not.toEqual(scanned());
    expect(scanned()).toBe(scanned());
    const grouped = storage.groupByPropertyName(scanned());
    expect(Object.keys(grouped).sort()).toEqual(['name', 'size']);
    expect(storage.groupByPropertyName(scanned())).toBe(grouped);
  });

  it('validates as before', async () => {
    expect(expected.small).toEqual(['name must be a string', 'size must not be less than 1']);
    expect(await messagesOf(inputs.small())).toEqual(expected.small);
    expect(await messagesOf(inputs.small(), ['strict'])).toEqual(expected.smallStrict);
    expect(await messagesOf(inputs.wrongType())).toEqual(expected.wrongType);
  });

  it('forgets its answers when a rule is registered later', async () => {
    const child = Object.assign(new Child(), { size: 2, name: 'a', nickname: 'x' });
    expect(await messagesOf(child)).toEqual([]);
    registerDecorator({
      target: Child,
      propertyName: 'nickname',
      validator: { validate: (value: unknown) => value !== 'x', defaultMessage: () => 'not x' },
    });
    expect(await messagesOf(child)).toEqual(['not x']);
  });

  it('installs once', () => {
    const lookup = storage.getTargetValidationMetadatas;
    rememberValidationMetadataLookups(storage);
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
