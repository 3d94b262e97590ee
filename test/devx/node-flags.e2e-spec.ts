import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_FLAGS } from '../../scripts/node-flags';

// scripts/start.js and the bench pass NODE_FLAGS; the images get them through NODE_OPTIONS.
describe('node flags', () => {
  it('are the same in the Docker images as in scripts/node-flags.js', () => {
    const dockerfile = readFileSync(path.join(__dirname, '../../docker/Dockerfile'), 'utf8');
    const options = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile)?.[1];
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    expect(options).toBe(NODE_FLAGS.join(' '));
  });
});
