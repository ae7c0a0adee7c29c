/**
 * The two ways the guard changes the platform. Each patch stands on its own:
 * one that fails (a property the page froze) leaves the others in place.
 */
// biome-ignore lint/suspicious/noExplicitAny: the guard patches the page's own untyped objects (prototypes, windows of frames)
export type Any = any;

/**
 * Replace a method (`make(original)`) or, for an accessor, its setter (`make(originalSetter)`) or the part
 * named by `part`, where `target` has `name` as its own.
 */
function patch(target: object | undefined, name: string, make: (original: Any) => Any, part?: 'get'): void {
  try {
    // (most names are not on most objects: no exception for those, they are many)
    const descriptor: Any = Object.getOwnPropertyDescriptor(target, name);
    if (descriptor) {
      const key = part ?? (descriptor.set ? 'set' : 'value');
      descriptor[key] = make(descriptor[key]);
      Object.defineProperty(target, name, descriptor);
    }
  } catch {
    // leave this one as the platform made it
  }
}

/** Let `seen(this, result)` see what an accessor's getter returns. */
export function getter(target: object | undefined, name: string, seen: (self: Any, result: Any) => void): void {
  patch(
    target,
    name,
    (get) =>
      function (this: unknown) {
        const result = get.call(this);
        seen(this, result);
        return result;
      },
    'get',
  );
}

/**
 * Let a method, or an accessor's setter, do its work unless `stop(this, args)`
 * says no; then it does nothing and returns `refused`.
 */
export function unless(target: object | undefined, name: string, stop: (self: Any, args: Any[]) => unknown, refused?: unknown): void {
  patch(
    target,
    name,
    (original) =>
      function (this: unknown, ...args: Any[]) {
        return stop(this, args) ? refused : original.apply(this, args);
      },
  );
}

/**
 * Wrap a function or constructor: `before` sees (and may change) its
 * arguments, `after` sees its result. A constructor keeps its prototype and
 * static members (WebSocket.OPEN).
 */
export function wrap(
  target: object | undefined,
  name: string,
  before: (args: Any[]) => void,
  after: (result: Any, args: Any[]) => void = () => {},
): void {
  patch(target, name, (original) => {
    const wrapped = function (this: unknown, ...args: Any[]) {
      before(args);
      const result = new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
      after(result, args);
      return result;
    };
    wrapped.prototype = original.prototype;
    return Object.setPrototypeOf(wrapped, original);
  });
}
