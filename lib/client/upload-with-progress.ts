import type { TAnswerOf, TEndpoint } from "@/lib/endpoints/define-endpoint";
import { declaredSchema, endpointUrl, type TCallInput } from "./api";
import { ApiError, type TProblem } from "./api-error";

/**
 * Sends a file as an endpoint's raw body with XMLHttpRequest, the one browser API that reports
 * upload progress, and parses the answer with the schema the endpoint declares, as callApi does.
 */
export function uploadWithProgress<E extends TEndpoint>(
  endpoint: E,
  input: TCallInput<E>,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
  /** e.g. `content-encoding: gzip` for a file sent compressed, as it is on disk. */
  headers: Record<string, string> = {},
): Promise<TAnswerOf<E>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(endpoint.method, endpointUrl(endpoint, input.params ?? {}, input.query ?? {}));
    xhr.setRequestHeader("content-type", contentType);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const schema = declaredSchema(endpoint, xhr.status);
          resolve((schema === null ? undefined : schema.parse(body)) as TAnswerOf<E>);
        } catch (error) {
          reject(error);
        }
      } else
        reject(
          new ApiError(
            (body as TProblem) ?? { status: xhr.status, title: xhr.statusText, detail: xhr.statusText },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({ status: 0, title: "Network error", detail: "The upload did not reach the server." }),
      );
    xhr.send(file);
  });
}
