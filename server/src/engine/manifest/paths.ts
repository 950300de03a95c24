// JSON paths: read from ajv's instancePath, and shown in messages as `spec.serviceQualities[0].name`.
import type { Segment } from './finding';

export function showPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/** The unescaped segments of a JSON Pointer such as ajv's `instancePath`. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];
}
