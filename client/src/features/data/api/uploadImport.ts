// POST /api/import with a file: sent with XMLHttpRequest (not fetch) because only it reports upload
// progress. Resolves with the preview or commit result; rejects with ApiError (the server's code,
// message and problems), or code `aborted` when cancelled.
import { ApiError, apiErrorOf } from '../../../lib/apiFetch';
import { isSessionEnd, sessionEnded } from '../../../lib/session';
import { CONTENT_TYPES, importUrl, type ImportFormat, type ImportRequest } from '../importFile';
import type { ImportResult } from '../importResult';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadCallbacks {
  onProgress?: (progress: UploadProgress) => void;
  /** The whole file has been sent: the server is checking it now. */
  onSent?: () => void;
}

export interface Upload {
  result: Promise<ImportResult>;
  abort(): void;
}

function errorOf(status: number, statusText: string, text: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = apiErrorOf(status, statusText, body);
  // A proxy's (or the server's bare) 413 has no error body.
  if (status === 413 && error.code === 'http_error') return new ApiError(413, 'too_large', 'The file is larger than the server accepts.');
  return error;
}

export function uploadImport(file: Blob, format: ImportFormat, request: ImportRequest, callbacks: UploadCallbacks = {}): Upload {
  const xhr = new XMLHttpRequest();
  const result = new Promise<ImportResult>((resolve, reject) => {
    xhr.open('POST', importUrl(request));
    xhr.setRequestHeader('Content-Type', CONTENT_TYPES[format]);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      callbacks.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    };
    xhr.upload.onload = () => {
      callbacks.onProgress?.({ loaded: file.size, total: file.size });
      callbacks.onSent?.();
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportResult);
        } catch {
          reject(new ApiError(xhr.status, 'bad_response', 'The server sent an answer that is not JSON.'));
        }
      } else {
        const error = errorOf(xhr.status, xhr.statusText, xhr.responseText);
        if (isSessionEnd(error.status, error.code)) sessionEnded();
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Could not reach the Flow Atlas server, or it closed the connection. Check your connection and try again.'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled; nothing was written.'));
    xhr.send(file);
  });
  return { result, abort: () => xhr.abort() };
}
