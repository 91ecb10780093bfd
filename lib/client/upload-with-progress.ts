import { ApiError, type TProblem } from "./api-error";

/** POSTs a file with XMLHttpRequest, the one browser API that reports upload progress. */
export function uploadWithProgress<T>(
  url: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", contentType);
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
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
