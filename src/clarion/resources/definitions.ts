import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import { integerPath } from '../../core/path.js';
import { APIResource, input } from '../../core/resource.js';
import { DefinitionDecoder } from '../decoders.js';
import { DefinitionCreateSchema, DefinitionUpdateSchema, type DefinitionCreateParams, type DefinitionUpdateParams } from '../inputs.js';
import type { SequenceDefinition } from '../models.js';

/** Clarion sequence definitions (templates): `/sequence-manager/sequence-definitions`. */
export class ClarionDefinitions extends APIResource {
  /**
   * Fetches a definition with its steps, inputs and outreach schedule.
   * @example const def = await clarion.definitions.retrieve(7);
   */
  retrieve(id: number, options?: RequestOptions): APIPromise<SequenceDefinition> {
    return this.get(integerPath`sequence-manager/sequence-definitions/${{ id }}`, DefinitionDecoder, options);
  }

  /**
   * Creates a definition; `name` and `steps` are required.
   * @example await clarion.definitions.create({ name: 'Reminder', steps: [{ order: 1, type: 'voice', config: {} }] });
   */
  create(body: DefinitionCreateParams, options?: RequestOptions): APIPromise<SequenceDefinition> {
    const checked = input(DefinitionCreateSchema, body, 'definitions.create body');
    return this.post(integerPath`sequence-manager/sequence-definitions`, checked, DefinitionDecoder, options);
  }

  /**
   * Updates a definition's name, description or steps.
   * @example await clarion.definitions.update(7, { description: 'Day-before reminder' });
   */
  update(id: number, body: DefinitionUpdateParams, options?: RequestOptions): APIPromise<SequenceDefinition> {
    const checked = input(DefinitionUpdateSchema, body, 'definitions.update body');
    return this.put(integerPath`sequence-manager/sequence-definitions/${{ id }}`, checked, DefinitionDecoder, options);
  }
}
