import { ResponseValidationError, type Vendor } from './errors.js';
import type { LeveledLogger } from './logger.js';
import { scrubSecrets, scrubValue } from './redact.js';
import type { Decoder } from './request-spec.js';
import { toValidationIssues, type ValidationMode } from './schema.js';

/** What decoding needs to know about the client. */
export interface DecodeContext {
  vendor: Vendor;
  validation: ValidationMode;
  secrets: readonly string[];
  logger: LeveledLogger;
}

/** Where the body came from, for error messages. */
interface Origin {
  method: string;
  url: string;
  response: Response;
}

function parseJson(text: string, decoder: Decoder<unknown, unknown>, context: DecodeContext, origin: Origin): unknown {
  let wire: unknown;
  try {
    wire = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ResponseValidationError({
      vendor: context.vendor,
      issues: [{ path: '', message: `expected JSON, received ${origin.response.headers.get('content-type') ?? 'no content type'}` }],
      body: scrubSecrets(text, context.secrets),
      method: origin.method,
      url: origin.url,
      reason: 'was not valid JSON',
    });
  }
  return decoder.prepare ? decoder.prepare(wire) : wire;
}

/**
 * Turns a response body into the model: JSON-parsed, checked per the validation mode
 * (`strict` throws, `lenient` logs and passes it on, `off` skips), then unwrapped.
 */
export function decodeBody<Wire, Model>(text: string, decoder: Decoder<Wire, Model>, context: DecodeContext, origin: Origin): Model {
  let wire = parseJson(text, decoder as Decoder<unknown, unknown>, context, origin);
  if (context.validation !== 'off') {
    const result = decoder.schema.safeParse(wire, { reportInput: true });
    if (result.success) {
      wire = result.data;
    } else {
      const issues = toValidationIssues(result.error.issues);
      if (context.validation === 'strict') {
        throw new ResponseValidationError({
          vendor: context.vendor,
          issues,
          body: scrubValue(wire, context.secrets),
          method: origin.method,
          url: origin.url,
        });
      }
      context.logger.warn(`response to ${origin.method} ${origin.url} did not match the model; returned as received`, issues);
    }
  }
  return decoder.unwrap ? decoder.unwrap(wire as Wire) : (wire as Model);
}
