// The generated clients compile against real answers: ts-jest type-checks this file, so a
// generated type that no longer fits the API breaks the build of this test.
import type { AllPostsQuery, CreatePostMutation } from '../../clients/graphql/types';
import type { components, paths } from '../../clients/rest/openapi';
import { createUser } from '../support/factory';
import { gql } from '../support/graphql';
import { createTestApp, TestApp } from '../support/test-app';

type PostPage = paths['/api/posts']['get']['responses'][200]['content']['application/json'];
type ErrorResponse = components['schemas']['ErrorResponse'];

describe('typed clients (clients/)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GraphQL operation types describe what the server returns', async () => {
    const user = await createUser(t.app);
    const created = await gql<CreatePostMutation>(
      t.http,
      'mutation { createPost(content: "Hello") { post { id content } } }',
      undefined,
      user.token,
    );
    const post: CreatePostMutation['createPost']['post'] = created.data!.createPost.post;
    const all = await gql<AllPostsQuery>(
      t.http,
      '{ allPosts { id content author { id username } } }',
    );
    const first: AllPostsQuery['allPosts'][number] = all.data!.allPosts[0];
    expect(first).toEqual({
      id: post.id,
      content: 'Hello',
      author: { id: user.id, username: user.username },
    });
  });

  it('REST types describe pages and the shared error body', async () => {
    const page: PostPage = (await t.http.get('/api/posts?first=1')).body;
    expect(Object.keys(page).sort()).toEqual(['data', 'nextCursor']);
    const missing: ErrorResponse = (await t.http.get('/api/posts/999999')).body;
    expect(missing).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
