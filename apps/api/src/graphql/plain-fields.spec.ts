import { Args, Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ID } from '@nestjs/graphql';
import { ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { graphql, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { plainFieldsReadDirectly } from './plain-fields';

@ObjectType()
class Item {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  note?: string;

  @Field({ name: 'label' })
  internalLabel!: string;

  @Field({ defaultValue: 'draft' })
  status?: string;

  @Field()
  shout!: string;
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => Item)
  item(@Args('id') id: string): Item {
    return { id, internalLabel: 'kept', shout: 'ignored' } as Item;
  }

  @ResolveField(() => String)
  shout(): string {
    return 'HEY';
  }
}

const fieldsOf = (schema: GraphQLSchema, type = 'Item') =>
  (schema.getType(type) as GraphQLObjectType).getFields();

/**
 * The schema as Nest builds it: every field of Item gets Nest's property reader. The app's
 * GraphQLModule then binds the resolver class's methods (not this factory), as done here by hand.
 */
async function nestSchema(): Promise<GraphQLSchema> {
  const moduleRef = await Test.createTestingModule({
    imports: [GraphQLSchemaBuilderModule],
  }).compile();
  await moduleRef.init();
  const schema = await moduleRef.get(GraphQLSchemaFactory).create([ItemResolver]);
  const resolver = new ItemResolver();
  fieldsOf(schema, 'Query').item.resolve = (_root, args: { id: string }) => resolver.item(args.id);
  fieldsOf(schema).shout.resolve = () => resolver.shout();
  return schema;
}

describe('plainFieldsReadDirectly', () => {
  it('drops Nest’s resolver from fields that read the property of their own name', async () => {
    const schema = await nestSchema();
    expect(fieldsOf(schema).id.resolve).toBeDefined(); // what Nest does
    const fields = fieldsOf(plainFieldsReadDirectly(schema));
    expect(fields.id.resolve).toBeUndefined();
    expect(fields.note.resolve).toBeUndefined();
  });

  it('keeps resolvers that read another property, fill a default or are @ResolveField', async () => {
    const fields = fieldsOf(plainFieldsReadDirectly(await nestSchema()));
    expect(fields.label.resolve).toBeDefined();
    expect(fields.status.resolve).toBeDefined();
    expect(fields.shout.resolve).toBeDefined();
  });

  it('answers as before', async () => {
    const source = '{ item(id: "7") { id note label status shout } }';
    const before = await graphql({ schema: await nestSchema(), source });
    const after = await graphql({ schema: plainFieldsReadDirectly(await nestSchema()), source });
    expect(after).toEqual(before);
    expect(after.data).toEqual({
      item: { id: '7', note: null, label: 'kept', status: 'draft', shout: 'HEY' },
    });
  });
});
