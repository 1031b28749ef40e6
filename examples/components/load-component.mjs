// Loads a component into Node through jco's transpiler, which Weft's examples use as a reference
// runtime: the component is transpiled into a fresh temp directory and its generated ES module imported.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transpile } from '@bytecodealliance/jco';

/** Transpiles the component at `wasmPath` and returns its exports as a JS module namespace. */
export async function loadComponent(wasmPath) {
  const name = basename(wasmPath, '.wasm');
  const { files } = await transpile(await readFile(wasmPath), { name, quiet: true });
  const dir = await mkdtemp(join(tmpdir(), `weft-${name}-`));
  try {
    for (const [file, bytes] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), bytes);
    }
    return await import(pathToFileURL(join(dir, `${name}.js`)).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
