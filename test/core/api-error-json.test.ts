import { describe, expect, it } from 'vitest';
import { ApiError, NotFoundError } from '../../src/core/errors.js';

const init = {
  vendor: 'close' as const,
  status: 404,
  headers: { 'x-request-id': 'req_1' },
  body: { error: 'gone' },
  method: 'GET',
  url: 'https://api.close.com/api/v1/sequence/seq_1/',
  requestId: 'req_1',
  details: { message: 'gone', errors: ['gone'], fieldErrors: { id: 'unknown' } },
};

describe('ApiError fields and toJSON', () => {
  it('copies every field of the response and lists them in toJSON, in order, without headers', () => {
    const error = ApiError.fromResponse(init);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.headers).toEqual({ 'x-request-id': 'req_1' });
    expect(Object.keys(error.toJSON())).toEqual([
      'name',
      'message',
      'vendor',
      'status',
      'method',
      'url',
      'requestId',
      'rateLimit',
      'errors',
      'fieldErrors',
      'body',
    ]);
    expect(error.toJSON()).toMatchObject({
      name: 'NotFoundError',
      message: 'close API 404 Not Found on GET /api/v1/sequence/seq_1/: gone; id: unknown',
      status: 404,
      requestId: 'req_1',
      rateLimit: undefined,
      errors: ['gone'],
      fieldErrors: { id: 'unknown' },
      body: { error: 'gone' },
    });
  });

  it('keeps the fields it was not given as own properties set to undefined', () => {
    const error = new ApiError({ ...init, requestId: undefined });
    expect(Object.hasOwn(error, 'requestId')).toBe(true);
    expect(Object.hasOwn(error, 'rateLimit')).toBe(true);
    expect(error.requestId).toBeUndefined();
  });
});
