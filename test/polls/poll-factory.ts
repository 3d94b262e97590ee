import TestAgent from 'supertest/lib/agent';
import { TestUser } from '../support/factory';

export interface CreatedPoll {
  id: string;
  optionIds: string[];
  body: Record<string, unknown>;
}

/** Creates a poll over REST as `author` and returns its ids. */
export async function createPoll(
  http: TestAgent,
  author: TestUser,
  input: Record<string, unknown> = {},
): Promise<CreatedPoll> {
  const res = await http
    .post('/api/polls')
    .set('Authorization', `Bearer ${author.token}`)
    .send({ question: 'Tabs or spaces?', options: ['Tabs', 'Spaces', 'Both'], ...input });
  if (res.status !== 201) throw new Error(`createPoll: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.id,
    optionIds: res.body.options.map((o: { id: string }) => o.id),
    body: res.body,
  };
}
