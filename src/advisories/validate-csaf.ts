/**
 * CSAF 2.0 validation, locally and completely: the strict JSON schema, every mandatory test (6.1),
 * the optional (6.2) and the informative ones (6.3), through the BSI's csaf-validator-lib (MIT).
 * Its cost grows faster than the document, so it runs in a worker thread with a size and a time
 * limit: a document that takes too long is stopped and said to, never left to hang the server.
 * The informative tests that reach the network (6.3.6, 6.3.7: URLs answer) run only when asked;
 * the spell check (6.3.8) needs hunspell and does not run.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ValidationError, VaktError } from '../core/errors.js';

export type CsafSeverity = 'error' | 'warning' | 'info';

export interface CsafFinding {
  /** The test's name as the library gives it: csaf_2_0_strict, mandatoryTest_6_1_1, … */
  test: string;
  /** Its section of the CSAF 2.0 standard ("6.1.1"), or "schema". */
  section: string;
  severity: CsafSeverity;
  /** Where in the document: a JSON pointer ("/product_tree/branches/0"). */
  path: string;
  message: string;
}

export interface CsafValidation {
  /** No schema error and no failed mandatory test: a valid CSAF 2.0 document. */
  valid: boolean;
  findings: CsafFinding[];
  /** How many tests ran, and which did not (and why). */
  ran: number;
  skipped: Array<{ test: string; why: string }>;
}

export interface CsafLimits {
  /** Run the informative tests that fetch the document's URLs. */
  network?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export const CSAF_MAX_BYTES = 20 * 1024 * 1024;
export const CSAF_TIMEOUT_MS = 60_000;

const NETWORK_TESTS = ['informativeTest_6_3_6', 'informativeTest_6_3_7'];
const SKIPPED_ALWAYS: Record<string, string> = { informativeTest_6_3_8: 'the spell check needs hunspell, which Vakt does not run' };

/** The library's modules, as files: the worker imports them by URL (it runs plain JavaScript, whatever runs Vakt). */
function libraryUrl(module: string): string {
  return pathToFileURL(createRequire(import.meta.url).resolve(`@secvisogram/csaf-validator-lib/${module}`)).href;
}

// The worker: loads the library once (its schemas and CWE list take seconds), then answers each
// document it is sent — parsed there, tested by the suite less the tests skipped — in turn.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = Promise.all([import(workerData.validate), import(workerData.suite)]);
parentPort.on('message', async ({ id, text, skip }) => {
  try {
    const [{ default: validateStrict }, suite] = await loaded;
    const tests = Object.values(suite).filter((test) => !skip.includes(test.name));
    parentPort.postMessage({ id, result: await validateStrict(tests, JSON.parse(text)) });
  } catch (error) {
    parentPort.postMessage({ id, failed: String((error && error.message) || error) });
  }
});
`;

interface LibraryResult {
  isValid: boolean;
  tests: Array<
    { name: string; isValid: boolean } & Record<'errors' | 'warnings' | 'infos', Array<{ message: string; instancePath: string }>>
  >;
}

/** Validates TEXT as a CSAF 2.0 document; bad input (too large, not JSON, too slow) is a ValidationError. */
export async function validateCsaf(text: string, limits: CsafLimits = {}): Promise<CsafValidation> {
  readCsaf(text, limits);
  return testCsaf(text, limits);
}

/** TEXT as a JSON object, or a ValidationError: too large, not JSON, or not an object. */
export function readCsaf(text: string, limits: CsafLimits = {}): Record<string, unknown> {
  const maxBytes = limits.maxBytes ?? CSAF_MAX_BYTES;
  if (Buffer.byteLength(text) > maxBytes)
    throw new ValidationError([{ field: 'document', reason: `larger than ${mebibytes(maxBytes)} MiB` }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: 'document', reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ValidationError([{ field: 'document', reason: 'not a JSON object' }]);
  return parsed as Record<string, unknown>;
}

/** The tests of TEXT, which readCsaf() has accepted, run in the worker. */
export async function testCsaf(text: string, limits: CsafLimits = {}): Promise<CsafValidation> {
  const skip = {
    ...SKIPPED_ALWAYS,
    ...(limits.network ? {} : Object.fromEntries(NETWORK_TESTS.map((t) => [t, 'it fetches URLs; run it with the network allowed']))),
  };
  const result = await inWorker(text, Object.keys(skip), limits.timeoutMs ?? CSAF_TIMEOUT_MS);
  const findings = result.tests.flatMap((test) => [
    ...test.errors.map((f) => finding(test.name, 'error', f)),
    ...test.warnings.map((f) => finding(test.name, 'warning', f)),
    ...test.infos.map((f) => finding(test.name, 'info', f)),
  ]);
  return {
    valid: result.tests.every((t) => t.isValid || !/^(csaf_2_0|mandatoryTest)/.test(t.name)),
    findings,
    ran: result.tests.length,
    skipped: Object.entries(skip).map(([test, why]) => ({ test, why })),
  };
}

/** A limit in MiB as a person reads it: whole, or to a thousandth below one. */
const mebibytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 3 : 0);

function finding(test: string, severity: CsafSeverity, found: { message: string; instancePath: string }): CsafFinding {
  const section = /_(\d+)_(\d+)_(\d+)(?:_(\d+))?$/.exec(test);
  return {
    test,
    section: section ? section.slice(1).filter(Boolean).join('.') : 'schema',
    severity,
    path: found.instancePath || '/',
    message: found.message,
  };
}

let validator: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

/** The worker, started on first use; it does not keep a finished process alive. */
function worker(): Worker {
  if (!validator) {
    validator = new Worker(WORKER, { eval: true, workerData: { validate: libraryUrl('validateStrict.js'), suite: libraryUrl('full.js') } });
    validator.unref();
    const started = validator;
    started.once('exit', () => {
      if (validator === started) validator = undefined;
    });
  }
  return validator;
}

/** One document at a time (the tests are CPU-bound): each waits for the one before. */
function inWorker(text: string, skip: string[], timeoutMs: number): Promise<LibraryResult> {
  const run = queue.then(() => validateOnce(text, skip, timeoutMs));
  queue = run.catch(() => undefined);
  return run;
}

function validateOnce(text: string, skip: string[], timeoutMs: number): Promise<LibraryResult> {
  const id = nextId++;
  const thread = worker();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      thread.off('message', onMessage);
      thread.off('error', onError);
    };
    const timer = setTimeout(() => {
      done();
      // A document that takes too long stops the worker; the next starts a fresh one.
      if (validator === thread) validator = undefined;
      void thread.terminate();
      reject(
        new ValidationError([
          { field: 'document', reason: `validation took longer than ${Math.round(timeoutMs / 1000)} s and was stopped` },
        ]),
      );
    }, timeoutMs);
    const onMessage = (message: { id: number; result?: LibraryResult; failed?: string }) => {
      if (message.id !== id) return;
      done();
      if (message.result) resolve(message.result);
      else reject(new VaktError('internal', `the CSAF validator failed: ${message.failed ?? 'no answer'}`));
    };
    const onError = (error: Error) => {
      done();
      reject(new VaktError('internal', `the CSAF validator failed: ${error.message}`));
    };
    thread.on('message', onMessage);
    thread.once('error', onError);
    thread.postMessage({ id, text, skip });
  });
}
