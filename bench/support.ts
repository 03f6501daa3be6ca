/** Small things every benchmark needs: rounding, whole-number options, a full collection. */
import v8 from 'node:v8';
import vm from 'node:vm';

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** `--name N` from the arguments, a positive whole number, else `fallback`. */
export function wholeOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

v8.setFlagsFromString('--expose-gc');
/** A full collection, so that a memory figure is what is kept, not garbage awaiting collection. */
export const collectGarbage = vm.runInNewContext('gc') as () => void;
