import type { ExportFile } from '../../../../common/contract-transactions.js';

/**
 * Hands an export to the person as a download: a Blob and a temporary `<a download>`. The same
 * path serves both hosts: a browser saves it as a download; Electron, which permits no new
 * window and no navigation away from the app, handles the download itself with its save
 * dialog (a download is no navigation, so the app's guards do not stop it).
 */
export function saveFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // After the click has started the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
