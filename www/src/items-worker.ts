// The Plan tab's worker: reads the chosen files of offers off the page's
// thread (items.ts, the CLI's way of cutting a stream of responses) and
// answers with each file's items and the values that are not JSON.
import { readItems } from './items';

export interface FileItems {
  name: string;
  items: unknown[];
  bad: Array<{ line: number; detail: string }>;
}

self.onmessage = async (e: MessageEvent<{ id: number; files: File[] }>) => {
  const files: FileItems[] = [];
  for (const file of e.data.files) files.push({ name: file.name, ...readItems(await file.text()) });
  self.postMessage({ id: e.data.id, files });
};
