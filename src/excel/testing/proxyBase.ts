/** What every proxy of the double shares: resolution at sync, load() and PropertyNotLoaded, null objects. */
import { FakeOfficeError, sizeOf } from './fakeWorkbook';
import type { FakeRequestContext } from './requestContext';

/** Normalizes load() arguments to property paths. */
export function loadPaths(arg?: string | string[] | { select?: string }): string[] {
  if (arg === undefined) return ['$all'];
  const s = Array.isArray(arg) ? arg.join(',') : typeof arg === 'string' ? arg : (arg.select ?? '$all');
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export abstract class ProxyBase<T> {
  protected target: T | null | undefined = undefined; // undefined: not resolved yet; null: null object
  protected loaded: Record<string, unknown> | undefined;

  constructor(
    readonly context: FakeRequestContext,
    resolve?: () => T | null,
    label = 'resolve',
  ) {
    if (resolve) context.enqueue(label, () => (this.target = resolve()));
  }

  /** Resolved target during a sync; a null object fails any operation but load. */
  protected t(): T {
    if (this.target === undefined) throw new FakeOfficeError('GeneralException', 'Object used before it was resolved.');
    if (this.target === null) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist (null object).');
    return this.target;
  }

  protected bind(target: T | null): this {
    this.target = target;
    return this;
  }

  /** Office.js: readable once a sync has resolved the proxy, with or without a load. */
  get isNullObject(): boolean {
    if (this.loaded === undefined && this.target === undefined) throw notLoaded('isNullObject');
    return this.target === null;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded || !(name in this.loaded)) throw notLoaded(name);
    return this.loaded[name] as V;
  }

  /** Property readers for load(); navigation properties are handled by subclasses. */
  protected abstract readers(): Record<string, (t: T) => unknown>;
  protected nav(_name: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    const own: string[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const child = rest.length ? this.nav(head) : undefined;
      if (child) child.load(rest.join('/'));
      else own.push(head);
    }
    this.context.enqueue('load', () => {
      const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
      if (this.target === null) {
        this.loaded = out;
        return;
      }
      const t = this.t();
      const readers = this.readers();
      const names = own.includes('$all') ? Object.keys(readers) : own;
      for (const n of names) {
        const r = readers[n];
        if (!r) throw new FakeOfficeError('PropertyNotLoaded', `Unknown property in load(): ${n}`);
        out[n] = r(t);
      }
      this.context.responseBytes += sizeOf(names.map((n) => out[n]));
      this.loaded = out;
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...(this.loaded ?? {}) };
  }
}

export function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}



/** OfficeExtension.ClientResult: value readable after sync. */
export class ClientResult<T> {
  private v: T | undefined;
  private ready = false;
  set(v: T): void {
    this.v = v;
    this.ready = true;
  }
  get value(): T {
    if (!this.ready) throw notLoaded('value');
    return this.v as T;
  }
}
