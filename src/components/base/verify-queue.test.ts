import { expect } from '@open-wc/testing';
import { createVerifyQueue, DEFAULT_CONCURRENCY, verifyQueue } from './verify-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('verify queue', () => {
  it('the page-wide queue allows four at once by default', () => {
    expect(DEFAULT_CONCURRENCY).to.equal(4);
    expect(verifyQueue.limit).to.equal(4);
  });

  it('gives slots at once while free, then first come first served as they are released', async () => {
    const queue = createVerifyQueue(2);
    const a = queue.tryAcquire()!;
    const b = queue.tryAcquire()!;
    expect(queue.tryAcquire()).to.equal(undefined);
    const order: string[] = [];
    const c = queue.acquire().then((release) => (order.push('c'), release));
    const d = queue.acquire().then((release) => (order.push('d'), release));
    // Someone waiting: a free slot is not taken past the line.
    expect(queue.waiting).to.equal(2);
    a();
    await tick();
    expect(order).to.deep.equal(['c']);
    // Releasing twice gives back one slot, not two.
    a();
    await tick();
    expect(order).to.deep.equal(['c']);
    expect(queue.active).to.equal(2);
    b();
    await tick();
    expect(order).to.deep.equal(['c', 'd']);
    (await c)();
    (await d)();
    expect(queue.active).to.equal(0);
    expect(queue.waiting).to.equal(0);
  });

  it('an aborted wait leaves the line and rejects with the reason; an aborted run gives its slot back', async () => {
    const queue = createVerifyQueue(1);
    const running = new AbortController();
    queue.tryAcquire(running.signal)!;
    const leaving = new AbortController();
    const left = queue.acquire(leaving.signal);
    const next = queue.acquire();
    leaving.abort(new Error('gone'));
    let reason: unknown;
    await left.catch((error: unknown) => (reason = error));
    expect((reason as Error).message).to.equal('gone');
    expect(queue.waiting).to.equal(1);
    running.abort();
    const release = await next;
    expect(queue.active).to.equal(1);
    release();
    expect(queue.active).to.equal(0);
    // An already aborted signal gets nothing.
    expect(queue.tryAcquire(AbortSignal.abort())).to.equal(undefined);
    let rejected = false;
    await queue.acquire(AbortSignal.abort()).catch(() => (rejected = true));
    expect(rejected).to.equal(true);
    expect(queue.active).to.equal(0);
  });

  it('raising the limit starts those waiting; only integers of at least 1 (or Infinity) are limits', async () => {
    const queue = createVerifyQueue(1);
    queue.tryAcquire();
    let started = 0;
    void queue.acquire().then(() => started++);
    void queue.acquire().then(() => started++);
    queue.limit = Infinity;
    await tick();
    expect(started).to.equal(2);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => (queue.limit = bad), String(bad)).to.throw(TypeError);
    expect(() => createVerifyQueue(0)).to.throw(TypeError);
    expect(queue.limit).to.equal(Infinity);
  });
});
