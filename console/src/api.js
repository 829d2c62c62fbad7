// The management API, same origin, with the API key of this browser session. The key lives in sessionStorage
// only (gone when the tab closes), is sent as X-Api-Key, and never goes into a URL. No cookies are used.

const KEY = "shortener.apiKey";

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function signIn(key) {
  sessionStorage.setItem(KEY, key);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** An RFC 9457 problem from the API (or one made up for a network failure), with its fields. */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
    this.status = problem.status;
  }
}

/** Called when the API refuses the key (401): the console forgets it and asks again. */
let onUnauthorised = () => {};

export function whenUnauthorised(callback) {
  onUnauthorised = callback;
}

/**
 * A request to the API: the parsed JSON answer, null for 204, or a Blob with {blob: true}. Throws ApiError with
 * the API's problem for any 4xx/5xx.
 */
export async function api(method, path, { body, key = apiKey(), blob = false, contentType, headers = {} } = {}) {
  const init = { method, headers: { Accept: blob ? "*/*" : "application/json", ...headers }, credentials: "omit" };
  if (key) {
    init.headers["X-Api-Key"] = key;
  }
  if (body !== undefined) {
    init.headers["Content-Type"] = contentType ?? "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({
      title: "The API could not be reached",
      detail: "Check your connection and try again.",
      status: 0,
    });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && key === apiKey()) {
      onUnauthorised(problem);
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) {
    return null;
  }
  return blob ? response.blob() : response.json();
}

async function problemOf(response) {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const problem = await response.json();
      return { status: response.status, title: problem.title ?? problem.message ?? response.statusText, ...problem };
    } catch {
      // not JSON after all: the generic problem below
    }
  }
  return { status: response.status, title: `The API answered ${response.status}`, detail: response.statusText };
}

/** A path with a query string from an object, skipping empty values. */
export function withQuery(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== "") {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
