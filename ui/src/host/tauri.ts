// The only module that imports @tauri-apps/*: the Host over Tauri IPC.
import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { Host } from "./types";
import type { ExportProgress, WorkEvent } from "../bindings/ipc";

export const tauriHost: Host = {
  start: () => invoke("app_start"),
  setWindowState: (title, dirty) => invoke("app_set_state", { title, dirty }),
  closeWindow: () => invoke("app_close"),
  onCloseRequested: (handler) => listen("close-requested", () => handler()),

  newDraft: (kind) => invoke("file_new", { kind }),
  openDialog: () => invoke("file_open_dialog"),
  openRecent: (path) => invoke("file_open_recent", { path }),
  openSample: (id) => invoke("file_open_sample", { id }),
  newFromAnswers: (answers) => invoke("file_new_from_answers", { answers }),
  copyDialog: () => invoke("file_copy_dialog"),
  save: (draft, force) => invoke("file_save", { draft, force }),
  saveAs: (draft) => invoke("file_save_as", { draft }),
  writeRecovery: (draft) => invoke("recovery_write", { draft }),
  discardRecovery: () => invoke("recovery_discard"),
  restoreRecovery: () => invoke("recovery_restore"),

  update: (draft, edit) => invoke("draft_update", { draft, edit }),
  onWork: (handler) => listen<WorkEvent>("work", (e) => handler(e.payload)),

  approve: (draft, by, date) => invoke("draft_approve", { draft, by, date }),
  returnToDraft: (draft) => invoke("draft_return_to_draft", { draft }),
  publicHolidays: (draft, country) => invoke("draft_public_holidays", { draft, country }),

  compareVersions: () => invoke("compare_versions"),
  compare: (draft, against) => invoke("draft_compare", { draft, with: against }),

  previewPage: (revision, index) => invoke("preview_page", { revision, index }),
  previewLocate: (revision, pointer, fromPage, toPage) => invoke("preview_locate", { revision, pointer, from_page: fromPage, to_page: toPage }),
  previewFieldAt: (revision, index, x, y) => invoke("preview_field_at", { revision, index, x, y }),

  exportDocument: (draft, format, onProgress) => {
    const channel = new Channel<ExportProgress>();
    channel.onmessage = onProgress;
    return invoke("export_document", { draft, format, on_progress: channel });
  },
  openExported: (path) => invoke("export_open", { path }),
  revealExported: (path) => invoke("export_reveal", { path }),
};
