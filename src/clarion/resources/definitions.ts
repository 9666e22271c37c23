import type { APIPromise } from '../../core/api-promise.js';
import type { HttpClient } from '../../core/http.js';
import type { RequestOptions } from '../../core/options.js';
import { encodeIntegerId } from '../../core/path.js';
import { checkInput } from '../../core/schema.js';
import { DefinitionCreateSchema, DefinitionUpdateSchema, type DefinitionCreateParams, type DefinitionUpdateParams } from '../inputs.js';
import { SequenceDefinitionSchema, type SequenceDefinition } from '../models.js';

const BASE = 'sequence-manager/sequence-definitions';
const definition = { schema: SequenceDefinitionSchema };

/** Clarion sequence definitions (templates): `/sequence-manager/sequence-definitions`. */
export class ClarionDefinitions {
  readonly #http: HttpClient;

  /** @internal */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Fetches a definition with its steps, inputs and outreach schedule.
   * @example const def = await clarion.definitions.retrieve(7);
   */
  retrieve(id: number, options?: RequestOptions): APIPromise<SequenceDefinition> {
    return this.#http.request(() => ({ method: 'GET', path: `${BASE}/${encodeIntegerId(id, 'id')}`, decode: definition }), options);
  }

  /**
   * Creates a definition; `name` and `steps` are required.
   * @example await clarion.definitions.create({ name: 'Reminder', steps: [{ order: 1, type: 'voice', config: {} }] });
   */
  create(body: DefinitionCreateParams, options?: RequestOptions): APIPromise<SequenceDefinition> {
    return this.#http.request(
      () => ({ method: 'POST', path: BASE, body: checkInput(DefinitionCreateSchema, body, 'definitions.create body'), decode: definition }),
      options,
    );
  }

  /**
   * Updates a definition's name, description or steps.
   * @example await clarion.definitions.update(7, { description: 'Day-before reminder' });
   */
  update(id: number, body: DefinitionUpdateParams, options?: RequestOptions): APIPromise<SequenceDefinition> {
    return this.#http.request(
      () => ({
        method: 'PUT',
        path: `${BASE}/${encodeIntegerId(id, 'id')}`,
        body: checkInput(DefinitionUpdateSchema, body, 'definitions.update body'),
        decode: definition,
      }),
      options,
    );
  }
}
