import { setImmediate as nextTurn } from 'node:timers/promises';
import pino from 'pino';
import { TurnBatchedStream } from './turn-batched-stream';

function target() {
  const writes: string[] = [];
  return { writes, stream: new TurnBatchedStream({ write: (s: string) => void writes.push(s) }) };
}

describe('TurnBatchedStream', () => {
  it("writes a turn's lines in one write, in order, after the turn", async () => {
    const { writes, stream } = target();
    stream.write('a\n');
    stream.write('b\n');
    expect(writes).toEqual([]);
    await nextTurn();
    stream.write('c\n');
    await nextTurn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
    stream.close();
  });

  it('writes at once when a turn has logged 64 KB', () => {
    const { writes, stream } = target();
    const line = 'x'.repeat(1023) + '\n';
    for (let i = 0; i < 63; i++) stream.write(line);
    expect(writes).toEqual([]);
    stream.write(line);
    expect(writes).toEqual([line.repeat(64)]);
    stream.close();
  });

  it('writes pending lines on process exit', () => {
    const { writes, stream } = target();
    stream.write('last words\n');
    process.emit('exit', 1);
    expect(writes).toEqual(['last words\n']);
    stream.close();
  });

  it("answers pino's logger.flush(callback) after writing what is pending", () => {
    const { writes, stream } = target();
    const logger = pino({}, stream);
    logger.info('pending');
    const done = jest.fn();
    logger.flush(done);
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0])).toMatchObject({ msg: 'pending' });
    expect(done).toHaveBeenCalledTimes(1);
    stream.close();
  });

  it('flushes on close, then writes each line at once and no longer listens for exit', async () => {
    const { writes, stream } = target();
    const exitListeners = process.listenerCount('exit');
    stream.write('a\n');
    stream.close();
    expect(writes).toEqual(['a\n']);
    stream.write('b\n');
    expect(writes).toEqual(['a\n', 'b\n']);
    expect(process.listenerCount('exit')).toBe(exitListeners - 1);
    await nextTurn();
    expect(writes).toEqual(['a\n', 'b\n']);
  });
});
